import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's `wordpress` package. */
export const WORDPRESS_FILES = '/usr/share/wordpress';
const MARIADB_SERVER = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((path) => existsSync(path));
const MARIADB_INSTALL_DB = '/usr/bin/mariadb-install-db';
const SEO_META_PLUGIN = fileURLToPath(new URL('../../wordpress/plume-seo-meta.php', import.meta.url));

/** Why a real WordPress cannot start here, or `undefined` when Debian's packages are installed. */
export function wordpressUnavailableReason(): string | undefined {
  const missing = [
    [`${WORDPRESS_FILES}/wp-settings.php`, 'wordpress'],
    [MARIADB_SERVER ?? '/usr/sbin/mariadbd', 'mariadb-server'],
    [MARIADB_INSTALL_DB, 'mariadb-server'],
    ['/usr/bin/php', 'php-cli'],
  ].filter(([path]) => !existsSync(path as string));
  if (missing.length === 0) return undefined;
  return `Debian packages missing (${[...new Set(missing.map(([, name]) => name))].join(', ')}): apt-get install wordpress mariadb-server php-cli php-mysql`;
}

export interface WordPressServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  user: string;
  /** An application password of `user` (an administrator). */
  applicationPassword: string;
  /** Turns the REST API off (as « Disable REST API » plugins do) or back on. */
  setRestEnabled(enabled: boolean): void;
  /** Runs PHP inside WordPress (after wp-load) and returns what it prints. */
  php(code: string): Promise<string>;
  /** Milliseconds spent in each start-up step, for the report. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway WordPress from Debian's files: its own MariaDB on a Unix socket in a temporary
 * folder, `php -S` on a loopback port, pretty permalinks, an administrator with an application password,
 * and Plume's must-use plugin. Nothing outside the temporary folder is touched.
 */
export async function startWordPress(): Promise<WordPressServer> {
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const root = mkdtempSync(join(tmpdir(), 'plume-wordpress-'));
  const processes: ChildProcess[] = [];
  const stop = async () => {
    for (const child of processes.reverse()) await stopProcess(child);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const socket = join(root, 'mysql.sock');
    const dataDirectory = join(root, 'db');
    await run(MARIADB_INSTALL_DB, [
      '--no-defaults',
      `--datadir=${dataDirectory}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--user=${process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root')}`,
    ]);
    lap('mariadb-install-db');
    const database = spawn(
      MARIADB_SERVER as string,
      [
        '--no-defaults',
        `--datadir=${dataDirectory}`,
        `--socket=${socket}`,
        `--pid-file=${join(root, 'mariadb.pid')}`,
        '--skip-networking',
        '--innodb-buffer-pool-size=16M',
        '--innodb-log-file-size=8M',
        '--skip-log-bin',
        ...(process.getuid?.() === 0 ? ['--user=root'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    processes.push(database);
    let databaseLog = '';
    database.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      databaseLog += chunk;
    });
    await waitFor(async () => {
      if (database.exitCode !== null) throw new Error(`mariadbd exited: ${databaseLog.slice(-2000)}`);
      await run('/usr/bin/mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1']);
      return true;
    }, 60_000);
    await run('/usr/bin/mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-e',
      'CREATE DATABASE wordpress CHARACTER SET utf8mb4',
    ]);
    lap('mariadbd');

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const site = join(root, 'site');
    const content = join(root, 'wp-content');
    mkdirSync(site);
    // Every WordPress file but the Debian configuration, which reads /etc/wordpress.
    for (const entry of readdirSync(WORDPRESS_FILES)) {
      if (entry === 'wp-config.php' || entry === 'wp-content') continue;
      symlinkSync(join(WORDPRESS_FILES, entry), join(site, entry));
    }
    mkdirSync(join(content, 'mu-plugins'), { recursive: true });
    mkdirSync(join(content, 'uploads'));
    mkdirSync(join(content, 'plugins'));
    symlinkSync(join(WORDPRESS_FILES, 'wp-content', 'themes'), join(content, 'themes'));
    symlinkSync(SEO_META_PLUGIN, join(content, 'mu-plugins', 'plume-seo-meta.php'));
    const restSwitch = join(root, 'rest-disabled');
    writeFileSync(
      join(content, 'mu-plugins', 'test-rest-switch.php'),
      `<?php
// Test only: as « Disable REST API » plugins do, the REST API stops answering while this file exists.
if (file_exists(${phpString(restSwitch)})) {
  add_action('init', function () { remove_action('parse_request', 'rest_api_loaded'); });
}
`,
    );
    writeFileSync(
      join(site, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${phpString(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', ${phpString(content)});
define('WP_CONTENT_URL', ${phpString(`${url}/wp-content`)});
define('WP_HOME', ${phpString(url)});
define('WP_SITEURL', ${phpString(url)});
// Application passwords need HTTPS, or a local environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_AUTO_UPDATE_CORE', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
define('AUTH_KEY', 'plume-test'); define('SECURE_AUTH_KEY', 'plume-test'); define('LOGGED_IN_KEY', 'plume-test');
define('NONCE_KEY', 'plume-test'); define('AUTH_SALT', 'plume-test'); define('SECURE_AUTH_SALT', 'plume-test');
define('LOGGED_IN_SALT', 'plume-test'); define('NONCE_SALT', 'plume-test');
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const bootstrap = `define('ABSPATH', ${phpString(`${site}/`)}); $_SERVER['HTTP_HOST'] = ${phpString(`127.0.0.1:${port}`)}; $_SERVER['REQUEST_URI'] = '/';`;
    // The router serves files as they are and sends everything else to index.php, like Apache's rewrite rules.
    const router = join(root, 'router.php');
    writeFileSync(
      router,
      `<?php
define('ABSPATH', ${phpString(`${site}/`)});
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (str_starts_with($path, '/wp-content/')) {
  $file = ${phpString(content)} . substr($path, strlen('/wp-content'));
  if (is_file($file) && !str_ends_with($file, '.php')) { header('Content-Type: ' . mime_content_type($file)); readfile($file); return true; }
}
$file = ABSPATH . ltrim($path, '/');
if ($path !== '/' && is_file($file)) {
  if (!str_ends_with($file, '.php')) return false;
  $_SERVER['SCRIPT_NAME'] = $path; $_SERVER['PHP_SELF'] = $path;
  chdir(dirname($file));
  require $file;
  return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php'; $_SERVER['PHP_SELF'] = '/index.php';
chdir(ABSPATH);
require ABSPATH . 'index.php';
`,
    );
    const php = async (code: string): Promise<string> => {
      const script = join(root, `script-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
      writeFileSync(script, `<?php ${bootstrap} require ABSPATH . 'wp-load.php'; ${code}`);
      try {
        const { stdout } = await run('/usr/bin/php', [script], { maxBuffer: 16 * 1024 * 1024 });
        return stdout;
      } finally {
        rmSync(script, { force: true });
      }
    };
    const installScript = join(root, 'install.php');
    writeFileSync(
      installScript,
      `<?php ${bootstrap}
define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Plume test', 'admin', 'admin@example.org', false, '', 'admin-password-not-used');
update_option('permalink_structure', '/%postname%/');
`,
    );
    await run('/usr/bin/php', [installScript]);
    lap('wp_install');
    const applicationPassword = (
      await php(
        `$created = WP_Application_Passwords::create_new_application_password(1, array('name' => 'plume-test'));
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message()); exit(1); }
echo $created[0];`,
      )
    ).trim();
    lap('application password');

    const server = spawn('/usr/bin/php', ['-S', `127.0.0.1:${port}`, '-t', site, router], {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: site,
    });
    processes.push(server);
    let serverLog = '';
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep the tail only: php -S logs every request.
      serverLog = (serverLog + chunk).slice(-4000);
    });
    await waitFor(async () => {
      if (server.exitCode !== null) throw new Error(`php -S exited: ${serverLog}`);
      const response = await fetch(`${url}/wp-json/`);
      return response.ok;
    }, 60_000);
    lap('php -S');
    return {
      url,
      user: 'admin',
      applicationPassword,
      timings,
      php,
      setRestEnabled(enabled) {
        if (enabled) rmSync(restSwitch, { force: true });
        else writeFileSync(restSwitch, '');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof Error && /exited/.test(error.message)) throw error;
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${String(lastError)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
