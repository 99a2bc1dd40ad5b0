import * as migration_20261128_034522_initial from './20261128_034522_initial';

export const migrations = [
  {
    up: migration_20261128_034522_initial.up,
    down: migration_20261128_034522_initial.down,
    name: '20261128_034522_initial'
  },
];
