/** The one HTTP path of the package: every request to Giftronaut goes through `apiRequest`. */
export { DEFAULT_BASE_URL } from './baseUrl';
export { unwrapList, unwrapObject } from './envelope';
export { MAX_PAGE_SIZE, walkPages } from './pages';
export { apiRequest } from './request';
export { CREDENTIAL_TYPE, DEFAULT_RATE_LIMIT_PATIENCE_MINUTES } from './session';
export type { ApiRequest, ApiResponse, GiftronautContext, PageWalk, PageWalkResult } from './types';
