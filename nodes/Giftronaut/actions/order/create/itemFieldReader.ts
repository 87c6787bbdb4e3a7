export * from '../../../helpers/orders/itemFieldReader';
