/** One simulated FreeSWITCH node: its ESL listener, api commands, originate admission and limits. */
package io.outdial.fssim.node;
