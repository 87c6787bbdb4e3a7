import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as create from './create.operation';
import * as upsert from './upsert.operation';
import * as deleteRecipient from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = {
	create,
	upsert,
	delete: deleteRecipient,
	get,
	getMany,
	update,
} satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription(
	'recipient',
	operations,
	'upsert',
);
