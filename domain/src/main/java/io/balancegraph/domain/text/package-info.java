/** Text helpers shared by every module's messages. */
package io.balancegraph.domain.text;
