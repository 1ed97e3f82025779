/** Accounts, contacts, account teams, purchases and feedback: the customers a tenant serves. */
@NullMarked
package dev.crmkit.core.customer;

import org.jspecify.annotations.NullMarked;
