export * from '../../../helpers/orders/idempotency';
