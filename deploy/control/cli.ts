// The control plane's command line:
//   tsx deploy/control/cli.ts serve                       runs the HTTP service
//   tsx deploy/control/cli.ts invite ROOM [--hours N]     mints an invite link for moderators
//   tsx deploy/control/cli.ts pin ROOM                    prints the room's PIN
// Configuration comes from the environment (README "Control plane").
import { parseArgs } from 'node:util';
import { RoomNameSchema } from '../../shared/call/join-request.js';
import { stopWithParent } from '../stack/parent-watch.js';
import { controlConfigFromEnv } from './control-config.js';
import { startControlPlane } from './control-plane.js';
import { roomCredentials } from './room-credentials.js';
import { signGrant } from './signed-grants.js';

const USAGE = 'usage: cli.ts serve | invite ROOM [--hours N] [--link-base URL] | pin ROOM';

function secretFromEnv(): string {
  const secret = process.env.CONFER_CONTROL_SECRET ?? '';
  if (secret.length < 32) throw new Error('CONFER_CONTROL_SECRET must be set (at least 32 characters)');
  return secret;
}

async function serve(): Promise<void> {
  const plane = await startControlPlane(controlConfigFromEnv(process.env));
  console.error(`Confer control plane listening on ${plane.url}`);
  const shutdown = (): void => void plane.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  stopWithParent(shutdown);
}

function invite(args: string[]): void {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { hours: { type: 'string', default: '24' }, 'link-base': { type: 'string', default: 'confer://join/' } } });
  const room = RoomNameSchema.parse(positionals[0]);
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours must be between 0 and 720');
  const expiresAtSeconds = Math.floor(Date.now() / 1000 + hours * 3600);
  const token = signGrant(secretFromEnv(), 'invite', room, expiresAtSeconds);
  console.log(JSON.stringify({ room, invite: token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString(), link: `${values['link-base']}${encodeURIComponent(room)}?invite=${token}` }));
}

async function main([command, ...rest]: string[]): Promise<void> {
  if (command === 'serve') return serve();
  if (command === 'invite') return invite(rest);
  if (command === 'pin') return void console.log(roomCredentials(secretFromEnv(), RoomNameSchema.parse(rest[0])).pin);
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
