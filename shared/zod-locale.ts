import { z } from 'zod';

/**
 * zod's own messages (for a rule no field builder words itself: an unknown key, a value of the wrong type
 * inside a nested object…) in Chinese, so no English default can reach a user. zod's configuration is global
 * and read when a message is made, so loading this once, with the contract, covers every schema.
 */
z.config(z.locales.zhCN());
