import { execFileSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

/** The veth end Janus gathers candidates on; its peer end is left unaddressed. */
export const JANUS_ICE_INTERFACE = 'cf0';
/** Inside 127/8, so packets to it stay on this host. */
export const JANUS_ICE_ADDRESS = '127.0.0.2';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'inherit' });
}

/**
 * Inside a fresh `unshare -n`: brings up loopback and the veth pair Janus
 * needs, then refuses to go on if any other interface exists, so nothing a
 * test sends can leave the machine.
 */
export function setUpNamespaceNetwork(): void {
  ip('link', 'set', 'lo', 'up');
  // Janus skips interfaces flagged loopback when it gathers ICE candidates; a
  // veth pair that never leaves the namespace gives it an address to offer.
  ip('link', 'add', JANUS_ICE_INTERFACE, 'type', 'veth', 'peer', 'name', `${JANUS_ICE_INTERFACE}peer`);
  ip('addr', 'add', `${JANUS_ICE_ADDRESS}/32`, 'dev', JANUS_ICE_INTERFACE);
  ip('link', 'set', JANUS_ICE_INTERFACE, 'up');
  ip('link', 'set', `${JANUS_ICE_INTERFACE}peer`, 'up');

  const interfaces = Object.keys(networkInterfaces());
  const expected = ['lo', JANUS_ICE_INTERFACE, `${JANUS_ICE_INTERFACE}peer`];
  const unexpected = interfaces.filter((name) => !expected.includes(name));
  if (unexpected.length > 0) throw new Error(`the namespace has unexpected interfaces (${unexpected.join(', ')})`);
}
