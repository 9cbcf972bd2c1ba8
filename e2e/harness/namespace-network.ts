/** The veth end Janus gathers candidates on; its peer end is left unaddressed. */
export const JANUS_ICE_INTERFACE = 'cf0';
/** Inside 127/8, so packets to it stay on this host. */
export const JANUS_ICE_ADDRESS = '127.0.0.2';
