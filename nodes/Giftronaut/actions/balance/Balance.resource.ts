import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as get from './get.operation';
import * as getLedger from './getLedger.operation';

export const operations = { get, getLedger } satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription('balance', operations, 'get');
