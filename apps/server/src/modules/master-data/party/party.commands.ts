import { recordCommands, recordQueries } from '../../../platform/document/record-commands.ts';
import { partyShape } from './party.model.ts';

export const partyCommands = recordCommands(partyShape);
export const partyQueries = recordQueries(partyShape);
