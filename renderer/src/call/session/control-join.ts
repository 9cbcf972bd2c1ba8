import { janusNodesOf, type RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import { WaitingRoomLink } from '../waiting/waiting-gate.js';
import {
  InviteSchema,
  renewJoinTicket,
  requestJoinTicket,
  type ControlError,
  type ControlJoinRequest,
  type ControlResult,
  type FetchLike,
  type RenewedTicket,
  type TurnGrant,
} from '../../../../shared/control/join-ticket.js';
import type { AdmissionRefusal, CallStore } from '../call-store.js';
import type { IdKind } from '../janus/room-ids.js';
import { resolveRtcConfiguration, rtcConfigurationWith } from '../media/ice-config.js';
import { JoinRefusedError } from './join-errors.js';
import type { RoomAccess } from './room-entry.js';
import type { RoomNodes } from './room-nodes.js';
import { realTimerClock, type TimerClock } from '../timer-clock.js';
import { lifetimeOf, TicketRenewal, type RenewalOutcome } from './ticket-renewal.js';

/** A control plane answers in milliseconds; one that takes this long is taken for unreachable, so the lobby says so. */
const CONTROL_TIMEOUT_MS = 8000;

/** What a join goes on with: the room's access as Janus checks it, and the ICE configuration of every PeerConnection. */
export type Admission = { readonly ok: true; readonly access: RoomAccess; readonly rtc: RTCConfiguration } | { readonly ok: false; readonly error: string };

const PIN_DIGITS = /^\d{12}$/;

/**
 * What the lobby's PIN field (or a link) holds, as a control-plane join:
 * 12 digits (spaces and dashes between groups allowed), an invite, or a
 * whole invite link (`confer://join/<room>?invite=…` or the web page's
 * `?invite=`); otherwise why it is neither.
 */
export function controlJoinRequest(room: string, typed: string | undefined): ControlJoinRequest | 'pinNeeded' | 'notAPin' {
  const text = typed?.trim() ?? '';
  if (text === '') return 'pinNeeded';
  const digits = text.replace(/[\s-]/g, '');
  if (PIN_DIGITS.test(digits)) return { room, pin: digits };
  if (InviteSchema.safeParse(text).success) return { room, invite: text };
  const linked = URL.canParse(text) ? new URL(text).searchParams.get('invite') : null;
  if (linked !== null && InviteSchema.safeParse(linked).success) return { room, invite: linked };
  return 'notAPin';
}

const REFUSALS: Partial<Record<ControlError['error'], AdmissionRefusal>> = {
  'wrong-pin': 'wrongPin',
  'invalid-invite': 'invalidInvite',
  'expired-invite': 'expiredInvite',
  'rate-limited': 'rateLimited',
  'no-node': 'unavailable',
};

type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: AdmissionRefusal; readonly error: ControlError };

function turnServers(turn: TurnGrant | null): RTCIceServer[] {
  return turn ? [{ urls: [...turn.uris], username: turn.username, credential: turn.password }] : [];
}

function sameUrl(a: string, b: string): boolean {
  return new URL(a).href === new URL(b).href;
}

/**
 * How a call gets into its room: straight to Janus as configured, or
 * through the control plane when one is configured. There a join asks for
 * a ticket with the room's PIN or an invite, which decides the node, the
 * Janus room and PIN, the token and the TURN credentials; a rejoin and the
 * renewals before the credentials expire present the ticket's renewal grant.
 */
export class RoomAdmission {
  /** The call's renewal grant; null between calls and without a control plane. */
  private grant: { readonly room: string; readonly renewal: string } | null = null;
  /** The call's ICE configuration: renewals replace its TURN servers in place. */
  private rtc: RTCConfiguration | null = null;
  private readonly renewal: TicketRenewal;
  private readonly clock: TimerClock;
  /** Bumped by every join and stop: a join whose call was left while it asked starts nothing. */
  private attempt = 0;

  constructor(
    private readonly config: RuntimeConfig,
    private readonly store: CallStore,
    private readonly nodes: RoomNodes,
    /** The call's PeerConnections now: renewed TURN credentials reach them through setConfiguration. */
    private readonly peers: () => readonly RTCPeerConnection[],
    private readonly warn: (message: string) => void,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, { ...init, cache: 'no-store', signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS) }),
    clock: TimerClock = realTimerClock,
  ) {
    this.clock = clock;
    this.renewal = new TicketRenewal({ clock, renew: () => this.renew(), failing: (renewalFailed) => this.store.setState({ renewalFailed }) });
  }

  /** A first join: the node placed and the ICE servers resolved (or `rtc`, resolved ahead), or a refusal the lobby shows. */
  async join(room: string, access: RoomAccess, idKind: IdKind, rtc?: RTCConfiguration): Promise<Admission> {
    this.stop();
    const attempt = this.attempt;
    this.store.setState({ admissionRefusal: null });
    const controlPlane = this.config.controlPlaneUrl;
    if (!controlPlane) {
      const [resolved] = await Promise.all([rtc ?? resolveRtcConfiguration(this.config, this.warn), this.nodes.place(room, idKind)]);
      return { ok: true, access: { ...access, waiting: new WaitingRoomLink(this.store, Boolean(access.secret), access.waitingRoom === true) }, rtc: resolved };
    }
    const request = controlJoinRequest(room, access.pin);
    if (typeof request === 'string') return this.refuse(request, `no room PIN or invite (${request})`);
    const answer = await this.ask((fetchFn) => requestJoinTicket(fetchFn, controlPlane, request));
    if (attempt !== this.attempt) return { ok: false, error: 'the join was left while the control plane answered' };
    if (!answer.ok) return this.refuse(answer.refusal, answer.error.message);
    const ticket = answer.value;
    if (!this.configured(ticket.node)) return this.refuse('foreignNode', `the control plane named ${ticket.node}, which is not a configured Janus node`);
    this.nodes.adopt(ticket.node, ticket.nodes.filter((node) => this.configured(node)), ticket.janusToken.token);
    this.rtc = rtcConfigurationWith(this.config, turnServers(ticket.turn));
    this.grant = { room, renewal: ticket.renewal.grant };
    this.renewal.start(this.lifetime(ticket));
    return { ok: true, access: { pin: ticket.janusPin, secret: access.secret, janusRoom: ticket.janusRoom }, rtc: this.rtc };
  }

  /**
   * Where a rejoin goes; returns whether the node changed. Through the
   * control plane, a renewal: it places the room again (creating it on a
   * node that lost it) and gives a token on that node.
   */
  async place(room: string, idKind: IdKind): Promise<boolean> {
    const grant = this.grant;
    const controlPlane = this.config.controlPlaneUrl;
    if (!grant || !controlPlane) return this.nodes.place(room, idKind);
    const answer = await this.ask((fetchFn) => renewJoinTicket(fetchFn, controlPlane, { room: grant.room, renewal: grant.renewal }));
    if (!answer.ok && answer.error.error === 'invalid-renewal') throw new JoinRefusedError({ reason: 'renewalRefused', room, janus: answer.error.message });
    if (!answer.ok) throw new Error(`The control plane did not place the room again: ${answer.error.message}`);
    if (!this.configured(answer.value.node)) throw new JoinRefusedError({ reason: 'nodeNotConfigured', room, janus: answer.value.node });
    const moved = this.nodes.adopt(answer.value.node, this.nodes.order, answer.value.janusToken.token);
    this.useTurn(answer.value.turn);
    this.renewal.start(this.lifetime(answer.value));
    return moved;
  }

  /** The call ended: no more renewals. */
  stop(): void {
    this.attempt += 1;
    this.renewal.stop();
    this.grant = null;
    this.rtc = null;
  }

  /** A renewal during the call: the token and TURN credentials are switched in place; a node that changed is left to the rejoin that follows its failure. */
  private async renew(): Promise<RenewalOutcome> {
    const grant = this.grant;
    const controlPlane = this.config.controlPlaneUrl;
    if (!grant || !controlPlane) return { kind: 'refused' };
    const answer = await this.ask((fetchFn) => renewJoinTicket(fetchFn, controlPlane, { room: grant.room, renewal: grant.renewal }));
    if (this.grant !== grant) return { kind: 'failed' };
    if (!answer.ok) {
      this.warn(`renewing the call's credentials failed: ${answer.error.message}`);
      return { kind: answer.error.error === 'invalid-renewal' ? 'refused' : 'failed' };
    }
    if (answer.value.node !== this.nodes.current.url) {
      this.warn(`the control plane renewed on ${answer.value.node}, not on this call's node`);
      return { kind: 'failed' };
    }
    this.nodes.useToken(answer.value.janusToken.token);
    this.useTurn(answer.value.turn);
    return { kind: 'renewed', lifetime: this.lifetime(answer.value) };
  }

  /** Pages may connect only to configured servers (the Content-Security-Policy): a node outside them is refused before it is tried. */
  private configured(node: string): boolean {
    return janusNodesOf(this.config).some((known) => sameUrl(known, node));
  }

  private useTurn(turn: TurnGrant | null): void {
    const rtc = this.rtc;
    if (!rtc) return;
    rtc.iceServers = rtcConfigurationWith(this.config, turnServers(turn)).iceServers ?? [];
    for (const pc of this.peers()) {
      try {
        pc.setConfiguration(rtc);
      } catch (error) {
        this.warn(`renewed ICE servers not applied: ${String(error)}`);
      }
    }
  }

  private lifetime(ticket: Pick<RenewedTicket, 'janusToken' | 'turn'>) {
    return lifetimeOf(this.clock.now(), [ticket.janusToken.ttl, ...(ticket.turn ? [ticket.turn.ttl] : [])]);
  }

  /** One request to the control plane; a fetch that failed (no answer at all) is told apart from a refusal. */
  private async ask<T>(send: (fetchFn: FetchLike) => Promise<ControlResult<T>>): Promise<Answer<T>> {
    let reached = true;
    const result = await send((url, init) => this.fetchFn(url, init).catch((error: unknown) => {
      reached = false;
      throw error;
    }));
    if (result.ok) return result;
    return { ok: false, error: result.error, refusal: reached ? (REFUSALS[result.error.error] ?? 'refused') : 'unreachable' };
  }

  private refuse(refusal: AdmissionRefusal, detail: string): Admission {
    this.store.setState({ admissionRefusal: refusal });
    return { ok: false, error: detail };
  }
}
