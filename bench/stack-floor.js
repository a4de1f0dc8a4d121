// The fixed stack with none of Polity's code: a NestJS app (Express adapter, as the api) whose
// routes hand the SQL a benchmark names to TypeORM and answer its rows as JSON. No auth, throttling,
// validation, logging, presenters, outbox relay or live push. It tells what the framework and driver
// the guide fixes cost per request on this machine, so a ratio to pgbench splits into what the stack
// takes and what Polity's own code takes.
//
// As a child process: `node bench/stack-floor.js <port>` with the routes' SQL in FLOOR_ROUTES (JSON:
// [{ method, path, transaction, statements: [sql with $1 = the path's :id] }]). startStackFloor()
// below starts one and waits until it answers.
require('reflect-metadata');
const { spawn } = require('node:child_process');

function serve(port, routes) {
  const { NestFactory } = require('@nestjs/core');
  const { Module, Controller, Get, Put, Param } = require('@nestjs/common');
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 20 } });

  // Decorators applied by hand: this file is plain JavaScript, run without a build step.
  class FloorController {}
  routes.forEach((route, index) => {
    const name = `route${index}`;
    FloorController.prototype[name] = async function (id) {
      const run = async (manager) => {
        const rows = [];
        for (const statement of route.statements) rows.push(await manager.query(statement, statement.includes('$1') ? [id] : []));
        return rows;
      };
      return route.transaction ? dataSource.transaction(run) : run(dataSource.manager);
    };
    const descriptor = Object.getOwnPropertyDescriptor(FloorController.prototype, name);
    (route.method === 'PUT' ? Put : Get)(route.path)(FloorController.prototype, name, descriptor);
    Param('id')(FloorController.prototype, name, 0);
  });
  Controller()(FloorController);
  class FloorModule {}
  Module({ controllers: [FloorController] })(FloorModule);

  return dataSource.initialize().then(async () => {
    const app = await NestFactory.create(FloorModule, { logger: false });
    await app.listen(port, '127.0.0.1');
  });
}

/** Starts the floor server with these routes; resolves to its url, pid and stop(). */
async function startStackFloor(routes, { port = 3320, databaseUrl }) {
  const child = spawn(process.execPath, [__filename, String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, FLOOR_ROUTES: JSON.stringify(routes) },
    stdio: 'inherit',
  });
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(url);
      break; // any answer (404 included) means it listens
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    url,
    pid: child.pid,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

if (require.main === module) {
  serve(Number(process.argv[2]), JSON.parse(process.env.FLOOR_ROUTES)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { startStackFloor };
