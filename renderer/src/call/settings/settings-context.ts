import { createContext } from 'react';

/** What the settings screen shows of the configuration: the servers the user's own replace. */
export interface ConfiguredServers {
  readonly janusUrl: string;
  readonly signalingUrls: readonly string[];
}

export const ConfiguredServersContext = createContext<ConfiguredServers>({ janusUrl: '', signalingUrls: [] });
