import * as migration_20261128_034532_initial from './20261128_034532_initial';
import * as migration_20261202_065935_modules_by_license_index from './20261202_065935_modules_by_license_index';
import * as migration_20261203_154322_registration_and_sign_in from './20261203_154322_registration_and_sign_in';
import * as migration_20261203_172530_metering_and_alerts from './20261203_172530_metering_and_alerts';
import * as migration_20261207_032258_validation_days from './20261207_032258_validation_days';
import * as migration_20261207_040721_license_keys_at_rest from './20261207_040721_license_keys_at_rest';

export const migrations = [
  {
    up: migration_20261128_034532_initial.up,
    down: migration_20261128_034532_initial.down,
    name: '20261128_034532_initial',
  },
  {
    up: migration_20261202_065935_modules_by_license_index.up,
    down: migration_20261202_065935_modules_by_license_index.down,
    name: '20261202_065935_modules_by_license_index',
  },
  {
    up: migration_20261203_154322_registration_and_sign_in.up,
    down: migration_20261203_154322_registration_and_sign_in.down,
    name: '20261203_154322_registration_and_sign_in',
  },
  {
    up: migration_20261203_172530_metering_and_alerts.up,
    down: migration_20261203_172530_metering_and_alerts.down,
    name: '20261203_172530_metering_and_alerts',
  },
  {
    up: migration_20261207_032258_validation_days.up,
    down: migration_20261207_032258_validation_days.down,
    name: '20261207_032258_validation_days',
  },
  {
    up: migration_20261207_040721_license_keys_at_rest.up,
    down: migration_20261207_040721_license_keys_at_rest.down,
    name: '20261207_040721_license_keys_at_rest'
  },
];
