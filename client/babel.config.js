// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No React fast refresh in `dev:h5` (it needs react-refresh, which the project does not install).
        hot: false,
      },
    ],
  ],
};
