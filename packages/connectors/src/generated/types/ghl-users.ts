/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * Successful response
 */
export type GhlUsersSearchUsersOutput = SearchUserSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersFilterUsersByEmailOutput = SearchUserSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersGetUserOutput = UserSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersUpdateUserOutput = UserSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersDeleteUserOutput = DeleteUserSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersGetUserByLocationOutput = LocationSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlUsersCreateUserOutput = UserSuccessfulResponseDto;

/**
 * Input and output types of every ghl.users operation, keyed by operationId.
 */
export interface GhlUsersOperations {
  'search-users': {
    input: GhlUsersSearchUsersInput;
    output: GhlUsersSearchUsersOutput;
  };
  'filter-users-by-email': {
    input: GhlUsersFilterUsersByEmailInput;
    output: GhlUsersFilterUsersByEmailOutput;
  };
  'get-user': {
    input: GhlUsersGetUserInput;
    output: GhlUsersGetUserOutput;
  };
  'update-user': {
    input: GhlUsersUpdateUserInput;
    output: GhlUsersUpdateUserOutput;
  };
  'delete-user': {
    input: GhlUsersDeleteUserInput;
    output: GhlUsersDeleteUserOutput;
  };
  'get-user-by-location': {
    input: GhlUsersGetUserByLocationInput;
    output: GhlUsersGetUserByLocationOutput;
  };
  'create-user': {
    input: GhlUsersCreateUserInput;
    output: GhlUsersCreateUserOutput;
  };
}
/**
 * Input of Search Users (GET /users/search).
 */
export interface GhlUsersSearchUsersInput {
  /**
   * Query string parameters.
   */
  query: {
    /**
     * Company ID in which the search needs to be performed
     */
    companyId: string;
    /**
     * The search term for the user is matched based on the user full name, email or phone
     */
    query?: string;
    /**
     * No of results to be skipped before returning the result
     */
    skip?: string;
    /**
     * No of results to be limited before returning the result
     */
    limit?: string;
    /**
     * Location ID in which the search needs to be performed
     */
    locationId?: string;
    /**
     * Type of the users to be filtered in the search
     */
    type?: string;
    /**
     * Role of the users to be filtered in the search
     */
    role?: string;
    /**
     * List of User IDs to be filtered in the search
     */
    ids?: string;
    /**
     * The field on which sort is applied in which the results need to be sorted. Default is based on the first and last name
     */
    sort?: string;
    /**
     * The direction in which the results need to be sorted
     */
    sortDirection?: string;
    enabled2waySync?: boolean;
  };
}
export interface SearchUserSuccessfulResponseDto {
  users?: UserSchema[];
  count?: number;
}
export interface UserSchema {
  id?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  extension?: string;
  permissions?: PermissionsDto;
  scopes?:
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export';
  roles?: RoleSchema;
  deleted?: boolean;
  /**
   * LC Phone Inbound Phone Numbers
   */
  lcPhone?: {
    [k: string]: unknown;
  };
  /**
   * Platform language preference for the user
   */
  platformLanguage?:
    'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';
}
export interface PermissionsDto {
  campaignsEnabled?: boolean;
  campaignsReadOnly?: boolean;
  contactsEnabled?: boolean;
  workflowsEnabled?: boolean;
  workflowsReadOnly?: boolean;
  triggersEnabled?: boolean;
  funnelsEnabled?: boolean;
  websitesEnabled?: boolean;
  opportunitiesEnabled?: boolean;
  dashboardStatsEnabled?: boolean;
  bulkRequestsEnabled?: boolean;
  appointmentsEnabled?: boolean;
  reviewsEnabled?: boolean;
  onlineListingsEnabled?: boolean;
  phoneCallEnabled?: boolean;
  conversationsEnabled?: boolean;
  assignedDataOnly?: boolean;
  adwordsReportingEnabled?: boolean;
  membershipEnabled?: boolean;
  facebookAdsReportingEnabled?: boolean;
  attributionsReportingEnabled?: boolean;
  settingsEnabled?: boolean;
  tagsEnabled?: boolean;
  leadValueEnabled?: boolean;
  marketingEnabled?: boolean;
  agentReportingEnabled?: boolean;
  botService?: boolean;
  socialPlanner?: boolean;
  bloggingEnabled?: boolean;
  invoiceEnabled?: boolean;
  affiliateManagerEnabled?: boolean;
  contentAiEnabled?: boolean;
  refundsEnabled?: boolean;
  recordPaymentEnabled?: boolean;
  cancelSubscriptionEnabled?: boolean;
  paymentsEnabled?: boolean;
  communitiesEnabled?: boolean;
  exportPaymentsEnabled?: boolean;
}
export interface RoleSchema {
  type?: string;
  role?: string;
  locationIds?: string[];
  restrictSubAccount?: boolean;
}
/**
 * Input of Filter Users by Email (POST /users/search/filter-by-email).
 */
export interface GhlUsersFilterUsersByEmailInput {
  body: FilterByEmailDto;
}
export interface FilterByEmailDto {
  /**
   * Company ID to filter users
   */
  companyId: string;
  /**
   * Comma-separated list of email addresses to filter users
   */
  emails: string;
  /**
   * Filter deleted users
   */
  deleted?: boolean;
  /**
   * No of results to be skipped before returning the result
   */
  skip?: string;
  /**
   * No of results to be limited before returning the result
   */
  limit?: string;
  /**
   * Projection fields to return. Use "all" for all fields, or specify comma-separated field names. Default returns only id and email
   */
  projection?: string;
}
/**
 * Input of Get User (GET /users/{userId}).
 */
export interface GhlUsersGetUserInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    userId: string;
  };
}
export interface UserSuccessfulResponseDto {
  id?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  extension?: string;
  permissions?: PermissionsDto;
  scopes?:
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export';
  roles?: RoleSchema;
  /**
   * LC Phone Inbound Phone Numbers
   */
  lcPhone?: {
    [k: string]: unknown;
  };
  /**
   * Platform language preference for the user
   */
  platformLanguage?:
    'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';
}
/**
 * Input of Update User (PUT /users/{userId}).
 */
export interface GhlUsersUpdateUserInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Path parameter {userId}: the OpenAPI document names it in the path but does not declare it.
     */
    userId: string;
  };
  body: UpdateUserDto;
}
export interface UpdateUserDto {
  firstName?: string;
  lastName?: string;
  /**
   * @deprecated
   * Email update is no longer supported due to security reasons.
   */
  email?: string;
  password?: string;
  phone?: string;
  type?: string;
  role?: string;
  /**
   * Company/Agency Id. Required for Agency Level access
   */
  companyId?: string;
  locationIds?: string[];
  permissions?: PermissionsDto;
  /**
   * Scopes allowed for users. Only scopes that have been passed will be enabled. If passed empty all the scopes will be get disabled
   */
  scopes?: (
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export'
  )[];
  /**
   * Assigned Scopes allowed for users. Only scopes that have been passed will be enabled. If passed empty all the assigned scopes will be get disabled
   */
  scopesAssignedToOnly?: (
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export'
  )[];
  profilePhoto?: string;
  /**
   * Per-location inbound Twilio number in E.164 format, keyed by location id (Call and Voicemail Inbound Number for direct Twilio, not LC Phone). Replacement semantics: if you send twilioPhone in the request body, the stored map is replaced entirely with this object (not merged). Any location id omitted from the object is removed from the saved map. Omit the twilioPhone property entirely to leave existing numbers unchanged. Send an empty object {} to clear all per-location numbers. To clear a single location only, set that location id to an empty string "".
   */
  twilioPhone?: {
    [k: string]: string;
  };
  /**
   * Platform language preference for the user
   */
  platformLanguage?:
    'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';
}
/**
 * Input of Delete User (DELETE /users/{userId}).
 */
export interface GhlUsersDeleteUserInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Path parameter {userId}: the OpenAPI document names it in the path but does not declare it.
     */
    userId: string;
  };
}
export interface DeleteUserSuccessfulResponseDto {
  succeded?: boolean;
  message?: string;
}
/**
 * Input of Get User by Location (GET /users/).
 */
export interface GhlUsersGetUserByLocationInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
  };
}
export interface LocationSuccessfulResponseDto {
  users?: UserSchema[];
}
/**
 * Input of Create User (POST /users/).
 */
export interface GhlUsersCreateUserInput {
  body: CreateUserDto;
}
export interface CreateUserDto {
  companyId: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  phone?: string;
  type: string;
  role: string;
  locationIds: string[];
  permissions?: PermissionsDto;
  /**
   * Scopes allowed for users. Only scopes that have been passed will be enabled. Note:- If passed empty all the scopes will be get disabled
   */
  scopes?: (
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export'
  )[];
  /**
   * Assigned Scopes allowed for users. Only scopes that have been passed will be enabled. If passed empty all the assigned scopes will be get disabled
   */
  scopesAssignedToOnly?: (
    | 'campaigns.readonly'
    | 'campaigns.write'
    | 'calendars.readonly'
    | 'calendars/events.write'
    | 'calendars/groups.write'
    | 'calendars.write'
    | 'contacts.write'
    | 'contacts/bulkActions.write'
    | 'workflows.readonly'
    | 'workflows.write'
    | 'triggers.write'
    | 'funnels.write'
    | 'forms.write'
    | 'surveys.write'
    | 'quizzes.write'
    | 'websites.write'
    | 'medias.write'
    | 'medias.readonly'
    | 'opportunities.write'
    | 'opportunities/leadValue.readonly'
    | 'opportunities/bulkActions.write'
    | 'reporting/phone.readonly'
    | 'reporting/adwords.readonly'
    | 'reporting/facebookAds.readonly'
    | 'reporting/attributions.readonly'
    | 'prospecting/auditReport.write'
    | 'reporting/reports.readonly'
    | 'reporting/agent.readonly'
    | 'reporting/reports.write'
    | 'reporting/stats.export'
    | 'payments.write'
    | 'payments/records.write'
    | 'payments/orders.readonly'
    | 'payments/orders.export'
    | 'payments/orders.import'
    | 'payments/orders.collectPayment'
    | 'payments/subscriptions.readonly'
    | 'payments/subscriptions.write'
    | 'payments/subscriptions.update'
    | 'payments/subscriptions.export'
    | 'payments/subscriptions.pauseResumeCancel'
    | 'payments/subscriptions.sharePaymentMethod'
    | 'payments/transactions.readonly'
    | 'payments/transactions.export'
    | 'payments/transactions.import'
    | 'payments/transactions.refund'
    | 'payments/transactions.viewReceipts'
    | 'payments/taxesSettings.readonly'
    | 'payments/settings.readonly'
    | 'payments/taxesSettings.updateInclusiveExclusive'
    | 'payments/taxesSettings.manageRates'
    | 'payments/taxesSettings.configureAutomatic'
    | 'products.readonly'
    | 'products.write'
    | 'products.delete'
    | 'products.duplicate'
    | 'products.bulkActions'
    | 'payments/settings.write'
    | 'payments/settings.configureReceipt'
    | 'payments/settings.configureSubscription'
    | 'invoices.write'
    | 'invoices.readonly'
    | 'invoices/schedule.readonly'
    | 'invoices/schedule.write'
    | 'invoices/template.readonly'
    | 'invoices/template.write'
    | 'reputation/review.write'
    | 'reputation/listing.write'
    | 'reputation/reviewsAIAgents.write'
    | 'reputation/gbp.write'
    | 'conversations.write'
    | 'conversations.readonly'
    | 'conversations/message.readonly'
    | 'conversations/message.write'
    | 'contentAI.write'
    | 'dashboard/stats.readonly'
    | 'locations/tags.write'
    | 'locations/tags.readonly'
    | 'marketing.write'
    | 'eliza.write'
    | 'settings.write'
    | 'socialplanner/post.write'
    | 'socialplanner/account.readonly'
    | 'socialplanner/account.write'
    | 'socialplanner/category.readonly'
    | 'socialplanner/category.write'
    | 'socialplanner/csv.readonly'
    | 'socialplanner/csv.write'
    | 'socialplanner/group.write'
    | 'socialplanner/hashtag.readonly'
    | 'socialplanner/hashtag.write'
    | 'socialplanner/oauth.readonly'
    | 'socialplanner/oauth.write'
    | 'socialplanner/post.readonly'
    | 'socialplanner/recurring.readonly'
    | 'socialplanner/recurring.write'
    | 'socialplanner/review.readonly'
    | 'socialplanner/review.write'
    | 'socialplanner/rss.readonly'
    | 'socialplanner/rss.write'
    | 'socialplanner/search.readonly'
    | 'socialplanner/setting.readonly'
    | 'socialplanner/setting.write'
    | 'socialplanner/stat.readonly'
    | 'socialplanner/tag.readonly'
    | 'socialplanner/tag.write'
    | 'socialplanner/filters.readonly'
    | 'socialplanner/medias.readonly'
    | 'socialplanner/medias.write'
    | 'socialplanner/watermarks.readonly'
    | 'socialplanner/watermarks.write'
    | 'socialplanner/metatag.readonly'
    | 'socialplanner/facebook.readonly'
    | 'socialplanner/linkedin.readonly'
    | 'socialplanner/twitter.readonly'
    | 'socialplanner/notification.readonly'
    | 'socialplanner/notification.write'
    | 'socialplanner/snapshot.readonly'
    | 'socialplanner/snapshot.write'
    | 'marketing/affiliate.write'
    | 'blogs.write'
    | 'membership.write'
    | 'communities.write'
    | 'gokollab.write'
    | 'certificates.write'
    | 'certificates.readonly'
    | 'adPublishing.write'
    | 'adPublishing.readonly'
    | 'prospecting.write'
    | 'prospecting.readonly'
    | 'prospecting/reports.readonly'
    | 'private-integration-location.readonly'
    | 'private-integration-location.write'
    | 'private-integration-company.readonly'
    | 'private-integration-company.write'
    | 'native-integrations.readonly'
    | 'native-integrations.write'
    | 'wordpress.write'
    | 'wordpress.read'
    | 'custom-menu-link.write'
    | 'qrcodes.write'
    | 'users/team-management.write'
    | 'users/team-management.readonly'
    | 'loginas.write'
    | 'users-sso-login-management.write'
    | 'users-sso-login-management.readonly'
    | 'sso-config.write'
    | 'snapshots/api.readonly'
    | 'snapshots/api.create'
    | 'snapshots/api.edit'
    | 'snapshots/api.push'
    | 'snapshots/api.refresh'
    | 'snapshots/api.share'
    | 'snapshots/api.delete'
    | 'internaltools.location-transfer.write'
    | 'internaltools.location-transfer.readonly'
    | 'affiliateportal.write'
    | 'affiliateportal.readonly'
    | 'companies.write'
    | 'internaltools.billing.write'
    | 'internaltools.billing.readonly'
    | 'internaltools.billing-common.readonly'
    | 'internaltools.billing-common.write'
    | 'voice-ai-agents.write'
    | 'voice-ai-agents.readonly'
    | 'voice-ai-common.readonly'
    | 'voice-ai-common.write'
    | 'voice-ai-agent-goals.readonly'
    | 'voice-ai-agent-goals.write'
    | 'voice-ai-dashboard.readonly'
    | 'agency/launchpad.write'
    | 'agency/launchpad.readonly'
    | 'launchpad/location.write'
    | 'launchpad/location.readonly'
    | 'text-ai-agents.write'
    | 'text-ai-agent-goals.readonly'
    | 'text-ai-agent-goals.write'
    | 'text-ai-agent-training.write'
    | 'text-ai-agents-dashboard.readonly'
    | 'locations.create'
    | 'locations.delete'
    | 'locations.export.list'
    | 'locations.features-limits.manage'
    | 'locations.pause-resume'
    | 'locations.agency-subaccounts.manage'
    | 'locations.billing.manage'
    | 'locations.details.manage'
    | 'audit-logs.readonly'
    | 'audit-logs.export'
  )[];
  profilePhoto?: string;
  /**
   * Per-location inbound Twilio number in E.164 format, keyed by location id (Call and Voicemail Inbound Number for direct Twilio, not LC Phone). Replacement semantics: if you send twilioPhone in the request body, the stored map is replaced entirely with this object (not merged). Any location id omitted from the object is removed from the saved map. Omit the twilioPhone property entirely to leave existing numbers unchanged. Send an empty object {} to clear all per-location numbers. To clear a single location only, set that location id to an empty string "".
   */
  twilioPhone?: {
    [k: string]: string;
  };
  /**
   * Platform language preference for the user
   */
  platformLanguage?:
    'en_US' | 'es' | 'fr_CA' | 'fr_FR' | 'nl' | 'de' | 'pt_PT' | 'pt_BR' | 'it' | 'sv' | 'da' | 'fi' | 'no';
}
