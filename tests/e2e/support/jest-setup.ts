/**
 * Browser tests drive several pages per test and each step may wait up to `UI_TIMEOUT_MS` for what the user
 * should see; jest's 5 s default would cut a healthy run short. (Jest 29 reads `testTimeout` only globally.)
 */
jest.setTimeout(30_000);
