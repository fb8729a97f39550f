/** The provider's tag, which elements watch for: inside one, they take its configuration. */
export const PROVIDER_TAG = 'rewards-provider';
