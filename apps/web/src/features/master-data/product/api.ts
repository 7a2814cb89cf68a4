import { createResourceHooks } from '../shared/resource.ts';
import type { Product, ProductInput } from './types.ts';

export const productApi = createResourceHooks<Product, ProductInput>('products');
