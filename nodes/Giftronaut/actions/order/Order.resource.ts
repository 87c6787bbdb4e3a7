import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as create from './create/create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, get, getMany } satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription('order', operations, 'create');
