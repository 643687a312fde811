import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build configuration. The app path is `client/` (npm scripts `cd` into it); the output goes to the
 * repository root so WeChat DevTools can open the root (`project.config.json` → `dist/weapp/`) and the
 * local host can serve `dist/h5`.
 */
const repoRoot = path.resolve(__dirname, '../..');
/** Code shared with the cloud functions (contract, errors, domain rules): compiled like our own sources. */
const sharedDir = path.join(repoRoot, 'shared');

type Platform = 'weapp' | 'h5';
const platform = (process.env.TARO_ENV ?? 'weapp') as Platform;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qnwmh-online',
    date: '2025-01-01',
    /** NutUI is drawn at 375 px; our own styles at 750 px (WeChat's rpx scale). */
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.join(repoRoot, 'dist', platform),
    plugins: [],
    defineConstants: {
      /** CloudBase environment id for `Taro.cloud.init`; empty means the DevTools' current environment. */
      CLOUDBASE_ENV: JSON.stringify(process.env.CLOUDBASE_ENV ?? ''),
      /** WeChat subscribe-message template id of the open-week day-before reminder; empty: not asked. */
      OPENWEEK_REMINDER_TEMPLATE: JSON.stringify(process.env.OPENWEEK_REMINDER_TEMPLATE ?? ''),
      /** Templates of a waitlist promotion and of 活动变更 (event cancelled, signup reviewed), asked with the reminder at signup; empty: not asked. */
      OPENWEEK_PROMOTION_TEMPLATE: JSON.stringify(process.env.OPENWEEK_PROMOTION_TEMPLATE ?? ''),
      OPENWEEK_CHANGE_TEMPLATE: JSON.stringify(process.env.OPENWEEK_CHANGE_TEMPLATE ?? ''),
      /** Subscribe-message template ids of filing decisions and the pre-deadline reminder (issue #3); empty: not asked. */
      FILING_DECISION_TEMPLATE: JSON.stringify(process.env.FILING_DECISION_TEMPLATE ?? ''),
      FILING_REMINDER_TEMPLATE: JSON.stringify(process.env.FILING_REMINDER_TEMPLATE ?? ''),
      /** Subscribe-message template id of guidance on a creation-log entry (issue #13), asked at 提交创建日志; empty: not asked. */
      CREATIONLOG_GUIDANCE_TEMPLATE: JSON.stringify(process.env.CREATIONLOG_GUIDANCE_TEMPLATE ?? ''),
      /** Subscribe-message template id of 差评 and complaint escalations (issue #12), asked on the admins' queues; empty: not asked. */
      EVALUATION_ESCALATION_TEMPLATE: JSON.stringify(process.env.EVALUATION_ESCALATION_TEMPLATE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // Component styles are independent (NutUI per-component CSS): their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      devServer: {
        port: 10086,
        // Live reload instead of React fast refresh (see babel.config.js).
        hot: false,
        proxy: [{ context: ['/api'], target: 'http://127.0.0.1:3000', changeOrigin: true }],
      },
      /**
       * Pages load on demand; let them share zod, NutUI and the contract instead of each carrying a copy
       * (Taro's default splits only the entry's modules).
       */
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
