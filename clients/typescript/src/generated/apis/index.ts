/* tslint:disable */
/* eslint-disable */
export * from './ApplicationsApi.js';
export * from './AuthApi.js';
export * from './CatalogApi.js';
export * from './CatalogAdminApi.js';
export * from './DataUsageApi.js';
export * from './EventsApi.js';
export * from './HomeApi.js';
export * from './HomeAdminApi.js';
export * from './MeApi.js';
export * from './MessagesApi.js';
export * from './OperationsApi.js';
export * from './ProgressLookupApi.js';
export * from './RatingAdminApi.js';
export * from './RatingStatsApi.js';
export * from './RatingsApi.js';
export * from './StaffApplicationsApi.js';
export * from './StaffAuthApi.js';
export * from './StaffCertificatesApi.js';
export * from './StaffRatingsApi.js';
export * from './SystemApi.js';
export * from './WalletApi.js';
export * from './WalletIssuersApi.js';
