/**
 * How routes reach the tab's one session: the root layout sets it, every route gets it.
 */
import { createContext } from 'svelte';
import type { AtlasSession } from './session.svelte';

export const [getSession, setSession] = createContext<AtlasSession>();
