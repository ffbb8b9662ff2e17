import type { Migration } from 'kysely';

/**
 * Migration `0012_user_administrators`: a user may administer the practice (accounts, evaluation) on top of
 * their role, so the first user of a practice can be both `lege` and administrator. Existing `admin` users
 * keep administering through their role.
 */
export const userAdministratorMigration: Migration = {
  async up(db) {
    await db.schema
      .alterTable('users')
      .addColumn('administrator', 'integer', (column) => column.notNull().defaultTo(0))
      .execute();
  },
};
