import { recordCommands, recordQueries } from '../../../platform/document/record-commands.ts';
import { productShape } from './product.model.ts';

export const productCommands = recordCommands(productShape);
export const productQueries = recordQueries(productShape);
