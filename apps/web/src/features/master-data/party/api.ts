import { createResourceHooks } from '../shared/resource.ts';
import type { Party, PartyInput } from './types.ts';

export const partyApi = createResourceHooks<Party, PartyInput>('parties');
