/* tslint:disable */
/* eslint-disable */
export * from './ApplicationsApi.js';
export * from './AuthApi.js';
export * from './CatalogApi.js';
export * from './CatalogAdminApi.js';
export * from './DataUsageApi.js';
export * from './DataUsageComplaintsApi.js';
export * from './EventsApi.js';
export * from './HomeApi.js';
export * from './HomeAdminApi.js';
export * from './MeApi.js';
export * from './MessagesApi.js';
export * from './OperationsApi.js';
export * from './PostalApi.js';
export * from './PostalCarrierApi.js';
export * from './ProgressLookupApi.js';
export * from './RelyingPartyApi.js';
export * from './RelyingPartyAdminApi.js';
export * from './StaffApplicationsApi.js';
export * from './StaffAuthApi.js';
export * from './StaffCertificatesApi.js';
export * from './SystemApi.js';
export * from './WalletApi.js';
export * from './WalletGrantsApi.js';
export * from './WalletIssuersApi.js';
export * from './WalletPresentationsApi.js';
