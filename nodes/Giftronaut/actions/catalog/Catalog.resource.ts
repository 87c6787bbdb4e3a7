import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as getManyBranded from './getManyBranded.operation';
import * as getManyChoice from './getManyChoice.operation';

export const operations = { getManyBranded, getManyChoice } satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription(
	'catalog',
	operations,
	'getManyBranded',
);
