import type { Language } from './call-preferences.js';

/** Why a `confer://` link is refused; the words are the catalogue's `badLink.problem`. */
export type DeepLinkProblem =
  | {
      readonly reason:
        | 'tooLong'
        | 'controlCharacters'
        | 'notAnAddress'
        | 'wrongScheme'
        | 'notJoin'
        | 'extraParts'
        | 'notOneRoom'
        | 'unreadableRoom'
        | 'severalServers'
        | 'severalInvites'
        | 'damagedInvite'
        | 'serverNotAnAddress'
        | 'serverNotHttp';
    }
  | { readonly reason: 'unknownParameters'; readonly names: readonly string[] }
  | { readonly reason: 'invalidRoom'; readonly room: string; readonly why: string }
  | { readonly reason: 'otherServer'; readonly host: string; readonly known: readonly string[] };

type ProblemWords = { readonly [R in DeepLinkProblem['reason']]: (problem: Extract<DeepLinkProblem, { reason: R }>) => string };

/** The statuses the tray shows (the main process's `PresenceIcon`). */
export type PresenceWord = 'available' | 'in-call' | 'presenting' | 'muted' | 'away' | 'do-not-disturb';

/**
 * The words of the desktop shell (tray, system notifications, dialogs),
 * in every language the app ships. Plain functions fill
 * in names, so a language that forgets a message or a value does not
 * compile. No Electron and no DOM: the main process reads it, and the web
 * build's notifications use the same words.
 */
export interface ShellMessages {
  readonly presence: Readonly<Record<PresenceWord, string>>;
  /** The tray tooltip: the status and, in a call, its room and whether it is reconnecting. */
  readonly tooltip: (facts: { readonly status: string; readonly room: string | null; readonly reconnecting: boolean }) => string;
  readonly tray: {
    readonly showWindow: string;
    readonly mute: string;
    readonly unmute: string;
    readonly stopSharing: string;
    readonly leaveCall: string;
    readonly setStatus: (status: string) => string;
    readonly miniWindow: string;
    readonly quit: string;
  };
  readonly notification: {
    readonly handTitle: string;
    readonly hand: (name: string) => string;
    readonly joinedTitle: string;
    readonly joined: (name: string) => string;
    readonly waitingTitle: string;
    readonly waiting: (name: string) => string;
  };
  readonly closeToTray: { readonly title: string; readonly body: string };
  readonly linkDuringCall: {
    readonly question: (rooms: { readonly current: string; readonly next: string }) => string;
    readonly detail: string;
    readonly leave: string;
    readonly stay: string;
  };
  readonly badLink: { readonly title: string; readonly ok: string; readonly problem: ProblemWords };
  readonly startup: {
    readonly cannotStart: string;
    readonly noServers: string;
    readonly settingsFile: (path: string) => string;
  };
}

const en: ShellMessages = {
  presence: {
    available: 'Available',
    'in-call': 'In a call',
    presenting: 'Presenting',
    muted: 'In a call, muted',
    away: 'Away',
    'do-not-disturb': 'Do not disturb',
  },
  tooltip: ({ status, room, reconnecting }) => `Confer: ${status}${room ? ` in ${room}` : ''}${reconnecting ? ', reconnecting' : ''}`,
  tray: {
    showWindow: 'Show Confer',
    mute: 'Mute',
    unmute: 'Unmute',
    stopSharing: 'Stop sharing',
    leaveCall: 'Leave call',
    setStatus: (status) => `Set status (${status})`,
    miniWindow: 'Mini call window on top',
    quit: 'Quit Confer',
  },
  notification: {
    handTitle: 'Raised hand',
    hand: (name) => `${name} raised a hand`,
    joinedTitle: 'Joined the call',
    joined: (name) => `${name} joined the call`,
    waitingTitle: 'Waiting room',
    waiting: (name) => `${name} is waiting to be let in`,
  },
  closeToTray: {
    title: 'Confer is still in your call',
    body: 'The window is hidden, not closed. Use the tray icon to show it again, leave the call or quit.',
  },
  linkDuringCall: {
    question: ({ current, next }) => `Leave the call in ${current} and join ${next}?`,
    detail: 'You clicked a meeting link while you are in a call. Staying keeps you in the call and ignores the link.',
    leave: 'Leave and join',
    stay: 'Stay in the call',
  },
  badLink: {
    title: 'Confer cannot open this meeting link',
    ok: 'OK',
    problem: {
      tooLong: () => 'The link is too long to be a Confer meeting link.',
      controlCharacters: () => 'The link contains characters a meeting link never has.',
      notAnAddress: () => 'The link is not a valid address.',
      wrongScheme: () => 'Only confer:// links open in Confer.',
      notJoin: () => 'Confer links start with confer://join/ followed by the room name.',
      extraParts: () => 'The link has parts a meeting link never has.',
      notOneRoom: () => 'The link must name exactly one room: confer://join/<room>.',
      unreadableRoom: () => 'The room name in the link is not readable.',
      unknownParameters: ({ names }) => `The link has parameters Confer does not know: ${names.join(', ')}.`,
      severalServers: () => 'The link names more than one server.',
      severalInvites: () => 'The link holds more than one invite.',
      damagedInvite: () => 'The invite in the link is damaged: ask the moderator for the link again.',
      serverNotAnAddress: () => 'The server in the link is not a valid address.',
      serverNotHttp: () => 'The server in the link must be an http:// or https:// address.',
      invalidRoom: ({ room, why }) => `“${room}” is not a valid room name: ${why}.`,
      otherServer: ({ host, known }) => `The link is for the server ${host}, but Confer is set up for ${known.join(', ')}.`,
    },
  },
  startup: {
    cannotStart: 'Confer cannot start',
    noServers: 'No servers are configured. Start Confer with `npm start`, which runs the local stack, or set CONFER_JANUS_URL and CONFER_SIGNALING_URLS.',
    settingsFile: (path) => `Settings file: ${path}`,
  },
};

const de: ShellMessages = {
  presence: {
    available: 'Verfügbar',
    'in-call': 'Im Anruf',
    presenting: 'Präsentiert',
    muted: 'Im Anruf, stummgeschaltet',
    away: 'Abwesend',
    'do-not-disturb': 'Nicht stören',
  },
  tooltip: ({ status, room, reconnecting }) => `Confer: ${status}${room ? ` in ${room}` : ''}${reconnecting ? ', Verbindung wird wiederhergestellt' : ''}`,
  tray: {
    showWindow: 'Confer anzeigen',
    mute: 'Stummschalten',
    unmute: 'Stummschaltung aufheben',
    stopSharing: 'Freigabe beenden',
    leaveCall: 'Anruf verlassen',
    setStatus: (status) => `Status festlegen (${status})`,
    miniWindow: 'Mini-Anruffenster im Vordergrund',
    quit: 'Confer beenden',
  },
  notification: {
    handTitle: 'Hand gehoben',
    hand: (name) => `${name} hat die Hand gehoben`,
    joinedTitle: 'Dem Anruf beigetreten',
    joined: (name) => `${name} ist dem Anruf beigetreten`,
    waitingTitle: 'Warteraum',
    waiting: (name) => `${name} wartet darauf, hereingelassen zu werden`,
  },
  closeToTray: {
    title: 'Confer ist noch in Ihrem Anruf',
    body: 'Das Fenster ist ausgeblendet, nicht geschlossen. Über das Symbol im Infobereich zeigen Sie es wieder an, verlassen den Anruf oder beenden Confer.',
  },
  linkDuringCall: {
    question: ({ current, next }) => `Den Anruf in ${current} verlassen und ${next} beitreten?`,
    detail: 'Sie haben während eines Anrufs auf einen Besprechungslink geklickt. Wenn Sie bleiben, bleiben Sie im Anruf und der Link wird ignoriert.',
    leave: 'Verlassen und beitreten',
    stay: 'Im Anruf bleiben',
  },
  badLink: {
    title: 'Confer kann diesen Besprechungslink nicht öffnen',
    ok: 'OK',
    problem: {
      tooLong: () => 'Der Link ist zu lang für einen Confer-Besprechungslink.',
      controlCharacters: () => 'Der Link enthält Zeichen, die ein Besprechungslink nie hat.',
      notAnAddress: () => 'Der Link ist keine gültige Adresse.',
      wrongScheme: () => 'Nur confer://-Links öffnen sich in Confer.',
      notJoin: () => 'Confer-Links beginnen mit confer://join/, gefolgt vom Raumnamen.',
      extraParts: () => 'Der Link hat Bestandteile, die ein Besprechungslink nie hat.',
      notOneRoom: () => 'Der Link muss genau einen Raum nennen: confer://join/<Raum>.',
      unreadableRoom: () => 'Der Raumname im Link ist nicht lesbar.',
      unknownParameters: ({ names }) => `Der Link hat Parameter, die Confer nicht kennt: ${names.join(', ')}.`,
      severalServers: () => 'Der Link nennt mehr als einen Server.',
      severalInvites: () => 'Der Link enthält mehr als eine Einladung.',
      damagedInvite: () => 'Die Einladung im Link ist beschädigt: Bitten Sie die Moderation erneut um den Link.',
      serverNotAnAddress: () => 'Der Server im Link ist keine gültige Adresse.',
      serverNotHttp: () => 'Der Server im Link muss eine http://- oder https://-Adresse sein.',
      invalidRoom: ({ room, why }) => `„${room}“ ist kein gültiger Raumname: ${why}.`,
      otherServer: ({ host, known }) => `Der Link ist für den Server ${host}, aber Confer ist für ${known.join(', ')} eingerichtet.`,
    },
  },
  startup: {
    cannotStart: 'Confer kann nicht starten',
    noServers:
      'Es sind keine Server eingerichtet. Starten Sie Confer mit `npm start`, das den lokalen Stack startet, oder setzen Sie CONFER_JANUS_URL und CONFER_SIGNALING_URLS.',
    settingsFile: (path) => `Einstellungsdatei: ${path}`,
  },
};

export const SHELL_MESSAGES: Readonly<Record<Language, ShellMessages>> = { en, de };

/** The sentence for a refused link, in a language's words. */
export function deepLinkSentence(words: ShellMessages['badLink'], problem: DeepLinkProblem): string {
  // Each reason's words take that reason's problem: the lookup by its own reason keeps them together.
  const say = words.problem[problem.reason] as (problem: DeepLinkProblem) => string;
  return say(problem);
}
