import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription, type OperationMap } from '../node.type';
import * as create from './create.operation';
import * as deleteCampaign from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as run from './run/run.operation';
import * as update from './update.operation';

export const operations = {
	create,
	delete: deleteCampaign,
	get,
	getMany,
	run,
	update,
} satisfies OperationMap;

export const description: INodeProperties[] = resourceDescription(
	'campaign',
	operations,
	'getMany',
);
