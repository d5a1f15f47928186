/** The analysis session (src/state/session.ts) for components that start work. */
import { createContext, useContext } from 'react';
import type { Session } from '../state/session.ts';

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new TypeError('useSession() outside <SessionContext.Provider>');
  return s;
}
