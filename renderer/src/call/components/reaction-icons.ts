import { Heart, Laugh, PartyPopper, Sparkles, ThumbsUp, type LucideIcon } from 'lucide-react';
import type { REACTIONS } from '../chat/room-messages.js';

export type Reaction = (typeof REACTIONS)[number];

export interface ReactionLook {
  readonly icon: LucideIcon;
  /** What the reaction means, for the button's name and screen readers. */
  readonly label: string;
  /** A CSS class giving its colour. */
  readonly tone: string;
}

/**
 * Reactions travel as emoji strings (the wire format stays), and are drawn
 * with the bundled icon set: a machine without an emoji font showed empty boxes.
 */
export const REACTION_LOOK: Readonly<Record<Reaction, ReactionLook>> = {
  '👍': { icon: ThumbsUp, label: 'Thumbs up', tone: 'reaction-blue' },
  '👏': { icon: Sparkles, label: 'Applause', tone: 'reaction-gold' },
  '😂': { icon: Laugh, label: 'Laughing', tone: 'reaction-gold' },
  '❤️': { icon: Heart, label: 'Love', tone: 'reaction-red' },
  '🎉': { icon: PartyPopper, label: 'Celebrate', tone: 'reaction-violet' },
};
