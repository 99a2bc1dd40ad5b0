import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** Debian's nginx (`apt-get install nginx-light`), or undefined when it is not installed. */
export const nginxBinary = (): string | undefined =>
  ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((file) => existsSync(file)) ??
  (spawnSync('nginx', ['-v']).status === 0 ? 'nginx' : undefined)

export type NginxOptions = {
  /** The port nginx listens on (127.0.0.1). */
  port: number
  /** Upstreams (`127.0.0.1:port`) of `/api/v1/`, taken in turn. */
  api: string[]
  /** Upstreams of everything else, taken in turn. */
  app: string[]
  /**
   * The address nginx connects to the upstreams from: another loopback address than the clients',
   * so `TRUST_PROXY` can name nginx alone, as in production.
   * @default '127.0.0.2'
   */
  proxyAddress?: string
}

export type Nginx = {
  url: string
  /** The address the upstreams see nginx connect from (what `TRUST_PROXY` names). */
  proxyAddress: string
  /** `upstream address` of every request so far (the access log), in order. */
  upstreamsSoFar: () => string[]
  stop: () => Promise<void>
}

const proxied = (upstream: string) => `
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_read_timeout 120s;`

/** The load balancer's configuration: round robin, `X-Forwarded-*` as a production proxy sets it. */
export const nginxConfig = (
  folder: string,
  { port, api, app, proxyAddress = '127.0.0.2' }: NginxOptions,
): string => `
daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$upstream_addr $status "$request"';
  access_log ${folder}/access.log upstreams;
  client_body_temp_path ${folder}/client_body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  client_max_body_size 250m;
  proxy_bind ${proxyAddress};
  # max_fails=0: a fuzzed request that makes one instance drop a connection must not take it out
  # of the rotation for 10 s (nginx's default), or the tests that count instances see two of three.
  upstream api_hosts {
${api.map((address) => `    server ${address} max_fails=0;`).join('\n')}
    keepalive 16;
  }
  upstream app_hosts {
${app.map((address) => `    server ${address} max_fails=0;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location /api/v1/ {${proxied('api_hosts')}
    }
    location / {${proxied('app_hosts')}
    }
  }
}
`

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/**
 * nginx as a child process (`daemon off`), with its configuration, pid, logs and temp files in a
 * folder of its own: the round-robin load balancer in front of the instances.
 */
export const startNginx = async (options: NginxOptions): Promise<Nginx> => {
  const binary = nginxBinary()
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx-light)')
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-nginx-'))
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(folder, temp))
  const configFile = path.join(folder, 'nginx.conf')
  writeFileSync(configFile, nginxConfig(folder, options))
  const logs: string[] = []
  const child = spawn(binary, ['-c', configFile, '-p', folder, '-e', `${folder}/error.log`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => logs.push(String(chunk)))
  child.stderr?.on('data', (chunk) => logs.push(String(chunk)))
  const errorLog = () => {
    try {
      return readFileSync(path.join(folder, 'error.log'), 'utf8')
    } catch {
      return ''
    }
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    // What nginx logged at warn or above (an upstream it could not reach, a reset) shows in the
    // test output, next to the test it may explain.
    const logged = errorLog().trim()
    if (logged) console.log(`nginx error log:\n${logged}`)
    rmSync(folder, { recursive: true, force: true })
  }

  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited with ${child.exitCode}:\n${logs.join('')}${errorLog()}`)
    if (await portAnswers(options.port))
      return {
        url: `http://127.0.0.1:${options.port}`,
        proxyAddress: options.proxyAddress ?? '127.0.0.2',
        upstreamsSoFar: () =>
          readFileSync(path.join(folder, 'access.log'), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => line.split(' ')[0]),
        stop,
      }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`nginx did not listen on ${options.port}:\n${logs.join('')}${errorLog()}`)
}
