import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as get from './get.operation';

export const operations = { get } satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription('balance', operations, 'get');
