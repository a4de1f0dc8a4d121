// @ts-check
const { Client } = require('pg');
const { templateDatabaseUrl } = require('./test-environment');

/** Drops every suite's copy of the template database. */
module.exports = async function globalTeardown() {
  const name = decodeURIComponent(new URL(templateDatabaseUrl).pathname.slice(1));
  const maintenance = new URL(templateDatabaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const copies = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${name}_s_%`]);
    for (const { datname } of copies.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};
