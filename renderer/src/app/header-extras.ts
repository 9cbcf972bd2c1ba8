import { createContext, type ReactNode } from 'react';

/** Controls that belong to the whole app (the diagnostics toggle), placed in each screen's header instead of floating over it. */
export const HeaderExtrasContext = createContext<ReactNode>(null);
