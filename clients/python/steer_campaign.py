"""Steers one outdial campaign through Temporal with the official Python SDK, by workflow type NAME.

Starts workflow type "Campaign" (id campaign-<id>, task queue outdial-campaigns) with a JSON payload,
queries "progress", checks that the validator of the "changePacing" update refuses a bad value, adds
two tasks (one with a bad number) through the "addTasks" update, twice under one update id, sends the
"pause" signal and checks that the progress query says PAUSED. Exits 1 on any mismatch, 2 on a
timeout. The campaign must exist as a DRAFT in PostgreSQL (created through the REST API); see docs/sdk.md.

    python steer_campaign.py 42 --target 127.0.0.1:7233
"""

import argparse
import asyncio
import json
import os
import sys
import time

from temporalio.client import Client, WorkflowUpdateFailedError
from temporalio.common import WorkflowIDReusePolicy

WORKFLOW_TYPE = "Campaign"
TASK_QUEUE = "outdial-campaigns"


class Mismatch(Exception):
    """The campaign did not behave as docs/sdk.md says."""


async def wait_for(what, read, accept, timeout):
    """Polls read() until accept(value) holds; returns the value, or raises Mismatch after timeout seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = await asyncio.wait_for(read(), timeout=5)
            if accept(last):
                return last
        except (asyncio.TimeoutError, Exception) as e:  # the workflow may not have run its first task yet
            last = repr(e)
        await asyncio.sleep(0.3)
    raise Mismatch(f"{what}: still {last} after {timeout} s")


async def steer(args):
    client = await asyncio.wait_for(Client.connect(args.target, namespace=args.namespace), timeout=20)
    campaign_id = args.campaign_id
    workflow_id = f"campaign-{campaign_id}"

    # The payload of CampaignWorkflow.run: a CampaignInput record, written as Temporal's Jackson converter does.
    handle = await client.start_workflow(
        WORKFLOW_TYPE,
        {"campaignId": campaign_id,
         "pacing": {"caps": args.caps, "maxConcurrency": args.max_concurrency},
         "inputClosed": False},
        id=workflow_id,
        task_queue=TASK_QUEUE,
        id_reuse_policy=WorkflowIDReusePolicy.REJECT_DUPLICATE,
    )
    print(f"started {WORKFLOW_TYPE} {handle.id} run {handle.result_run_id}")

    progress = await wait_for("progress status", lambda: handle.query("progress"),
                              lambda p: p.get("status") == "RUNNING", args.timeout)
    print("progress:", json.dumps(progress))
    if progress["campaignId"] != campaign_id:
        raise Mismatch(f"progress is of campaign {progress['campaignId']}, not {campaign_id}")
    if progress["pacing"] != {"caps": args.caps, "maxConcurrency": args.max_concurrency}:
        raise Mismatch(f"pacing {progress['pacing']} is not the one started with")

    try:
        await handle.execute_update("changePacing", {"caps": 0})
        raise Mismatch("changePacing with caps 0 was accepted")
    except WorkflowUpdateFailedError as e:
        reason = str(e.cause.message if e.cause is not None else e)
        print("changePacing {caps: 0} refused:", reason)
        if "caps must be between 1 and" not in reason:
            raise Mismatch(f"unexpected refusal: {reason}")

    batch = {"tasks": [{"phoneNumber": "+1 555 010 9999", "externalId": f"py-{campaign_id}-1", "externalRef": None},
                       {"phoneNumber": "12", "externalId": f"py-{campaign_id}-2", "externalRef": None}],
             "last": False}
    added = await handle.execute_update("addTasks", batch, id=f"py-batch-{campaign_id}")
    print("addTasks:", json.dumps(added))
    if added["added"] != 1 or [r["index"] for r in added["rejected"]] != [1]:
        raise Mismatch(f"addTasks answered {added}, not 1 added and task 1 rejected")
    again = await handle.execute_update("addTasks", batch, id=f"py-batch-{campaign_id}")
    if again != added:
        raise Mismatch(f"the same batch id answered {again} the second time, not {added}")

    await handle.signal("pause", {"reason": "paused from Python"})
    progress = await wait_for("progress after pause", lambda: handle.query("progress"),
                              lambda p: p.get("status") == "PAUSED", args.timeout)
    print("progress after pause:", json.dumps(progress))


def exit_now(code):
    # os._exit, not sys.exit: the SDK's core threads may still hold the interpreter at shutdown, which
    # can abort it in finalisation ("PyGILState_Release") after the work is done
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("campaign_id", type=int, help="a DRAFT campaign's id (from POST /api/v1/campaigns)")
    parser.add_argument("--target", default="127.0.0.1:7233", help="the Temporal frontend, host:port")
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--caps", type=int, default=1)
    parser.add_argument("--max-concurrency", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for each change")
    args = parser.parse_args()
    try:
        asyncio.run(asyncio.wait_for(steer(args), timeout=4 * args.timeout + 30))
    except Mismatch as e:
        print(f"MISMATCH: {e}", file=sys.stderr)
        exit_now(1)
    except asyncio.TimeoutError:
        print("TIMEOUT: the campaign did not answer in time", file=sys.stderr)
        exit_now(2)
    except Exception as e:  # noqa: BLE001 - any other failure is a failed run, said plainly
        print(f"ERROR: {e!r}", file=sys.stderr)
        exit_now(1)
    print("steer_campaign: OK")
    exit_now(0)


if __name__ == "__main__":
    main()
