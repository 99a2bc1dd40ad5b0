import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { installIntoDirectory } from '../../src/agent/update/installers/directoryInstaller'
import { seededArtifactPackage } from '../../plugins/seed/seededArtifactPackage'
import { makeTempDir } from '../helpers/tempDir'

describe('seeded packages', () => {
  it('are real .tar.gz packages the directory installer extracts (the demo data installs)', async () => {
    const work = makeTempDir('hub-seed-package-test-')
    const file = path.join(work, 'collector-7.3.0-linux-x64.tar.gz')
    writeFileSync(file, await seededArtifactPackage('collector', '7.3.0', 'linux-x64'))
    await installIntoDirectory(path.join(work, 'root'), file, '7.3.0')
    expect(readFileSync(path.join(work, 'root', 'current', 'VERSION'), 'utf8')).toBe(
      'collector 7.3.0 linux-x64\n',
    )
  })
})
