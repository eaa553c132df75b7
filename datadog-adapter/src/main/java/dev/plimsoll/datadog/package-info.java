/** Datadog adapter: metric queries through datadog-api-client and replay of saved API responses (see issue #4). */
package dev.plimsoll.datadog;
