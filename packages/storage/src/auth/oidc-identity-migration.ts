import type { Migration } from 'kysely';

/**
 * Migration `0011_oidc_identities`: sign-in through OpenID Connect (HelseID or a practice's own identity
 * provider). `oidc_identities` links an external identity (issuer + subject) to a local user;
 * `oidc_pre_registrations` holds what an admin registered (an HPR number or an e-mail address) so that a
 * user's first external sign-in can be linked. A pre-registration is used up when it links.
 */
export const oidcIdentityMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('oidc_identities')
      .addColumn('issuer', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('linked_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('last_login_at', 'text')
      .addPrimaryKeyConstraint('oidc_identities_primary_key', ['issuer', 'subject'])
      .execute();
    await db.schema
      .createIndex('oidc_identities_user_id_index')
      .on('oidc_identities')
      .column('user_id')
      .execute();
    await db.schema
      .createTable('oidc_pre_registrations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('practice_id', 'text', (column) =>
        column.notNull().references('practices.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addUniqueConstraint('oidc_pre_registrations_kind_value_unique', ['kind', 'value'])
      .execute();
    await db.schema
      .createIndex('oidc_pre_registrations_practice_id_index')
      .on('oidc_pre_registrations')
      .column('practice_id')
      .execute();
  },
};
