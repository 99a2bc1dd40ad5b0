import * as migration_20261128_034522_initial from './20261128_034522_initial';
import * as migration_20261202_065927_modules_by_license_index from './20261202_065927_modules_by_license_index';
import * as migration_20261203_154252_registration_and_sign_in from './20261203_154252_registration_and_sign_in';
import * as migration_20261203_172525_metering_and_alerts from './20261203_172525_metering_and_alerts';
import * as migration_20261207_032255_validation_days from './20261207_032255_validation_days';
import * as migration_20261207_040708_license_keys_at_rest from './20261207_040708_license_keys_at_rest';

export const migrations = [
  {
    up: migration_20261128_034522_initial.up,
    down: migration_20261128_034522_initial.down,
    name: '20261128_034522_initial',
  },
  {
    up: migration_20261202_065927_modules_by_license_index.up,
    down: migration_20261202_065927_modules_by_license_index.down,
    name: '20261202_065927_modules_by_license_index',
  },
  {
    up: migration_20261203_154252_registration_and_sign_in.up,
    down: migration_20261203_154252_registration_and_sign_in.down,
    name: '20261203_154252_registration_and_sign_in',
  },
  {
    up: migration_20261203_172525_metering_and_alerts.up,
    down: migration_20261203_172525_metering_and_alerts.down,
    name: '20261203_172525_metering_and_alerts',
  },
  {
    up: migration_20261207_032255_validation_days.up,
    down: migration_20261207_032255_validation_days.down,
    name: '20261207_032255_validation_days',
  },
  {
    up: migration_20261207_040708_license_keys_at_rest.up,
    down: migration_20261207_040708_license_keys_at_rest.down,
    name: '20261207_040708_license_keys_at_rest'
  },
];
