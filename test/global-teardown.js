// @ts-check
const { quote, withMaintenanceConnection } = require('./test-environment');

/** Drops every suite's copy of the template database. */
module.exports = async function globalTeardown() {
  await withMaintenanceConnection(async (admin, _template, copies) => {
    for (const datname of copies) await admin.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
  });
};
