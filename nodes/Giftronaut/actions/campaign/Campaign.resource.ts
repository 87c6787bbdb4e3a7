import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as run from './run/run.operation';

export const operations = { run } satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription('campaign', operations, 'run');
