import { Heart, Laugh, PartyPopper, Sparkles, ThumbsUp, type LucideIcon } from 'lucide-react';
import type { REACTIONS } from '../chat/room-messages.js';

export type Reaction = (typeof REACTIONS)[number];

export interface ReactionLook {
  readonly icon: LucideIcon;
  /** What the reaction means, for the button's name and screen readers. */
  readonly label: string;
  /** Its name in the translations (`reactions.<key>`). */
  readonly key: 'thumbsUp' | 'applause' | 'laughing' | 'love' | 'celebrate';
  /** A CSS class giving its colour. */
  readonly tone: string;
}

/**
 * Reactions travel as emoji strings (the wire format stays), and are drawn
 * with the bundled icon set: a machine without an emoji font showed empty boxes.
 */
export const REACTION_LOOK: Readonly<Record<Reaction, ReactionLook>> = {
  '👍': { icon: ThumbsUp, label: 'Thumbs up', key: 'thumbsUp', tone: 'reaction-blue' },
  '👏': { icon: Sparkles, label: 'Applause', key: 'applause', tone: 'reaction-gold' },
  '😂': { icon: Laugh, label: 'Laughing', key: 'laughing', tone: 'reaction-gold' },
  '❤️': { icon: Heart, label: 'Love', key: 'love', tone: 'reaction-red' },
  '🎉': { icon: PartyPopper, label: 'Celebrate', key: 'celebrate', tone: 'reaction-violet' },
};
