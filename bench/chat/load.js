#!/usr/bin/env node
// Load generator for the drop-in chat benchmark (bench/chat/run.sh starts it; see bench/README.md).
//
// One coordinator process forks --workers child processes; each holds its share of the --clients SignalR
// connections (@microsoft/signalr, WebSockets, no negotiation round trip). --senders of those connections send
// --rate messages/s in total, staggered evenly. Every message text carries the sender, a sequence number and the
// send instant on CLOCK_MONOTONIC (process.hrtime, one clock for every process on the machine); every receiver
// records receive - send and marks the (message, receiver) pair in a bitmap, so each pair counts once.
//
//   node load.js --url http://127.0.0.1:5000 --mode bare  --clients 500 --rate 100 [--duration 10 --warmup 3]
//   node load.js --url ... --mode chat --members nova,sol --password ... --space hoppetonline --channel allmant
//   node load.js --url ... --mode bare --test idle --clients 5000 --hold 60      (memory: idle connected clients)
//
// --server-pid PID: the server's CPU (utime+stime from /proc/PID/stat) over the measured window and its memory
// (VmRSS, VmHWM from /proc/PID/status). Prints one JSON object on stdout (and to --out FILE).
'use strict';

const { fork } = require('child_process');
const fs = require('fs');
const crypto = require('crypto');

/** Milliseconds on CLOCK_MONOTONIC (shared by all processes of the machine), microsecond resolution. */
function nowMs() {
    return Number(process.hrtime.bigint() / 1000n) / 1000;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TAG = 'bench';

// ------------------------------------------------------------------------------------------------ latency histogram
// Buckets of 0.1 ms; merged across workers as plain objects {bucket: count}.

function histAdd(hist, ms) {
    const bucket = Math.max(0, Math.floor(ms * 10));
    hist[bucket] = (hist[bucket] || 0) + 1;
}

function histMerge(into, from) {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] || 0) + v;
    return into;
}

function histPercentiles(hist, ps) {
    const entries = Object.entries(hist).map(([k, v]) => [Number(k), v]).sort((a, b) => a[0] - b[0]);
    const total = entries.reduce((s, e) => s + e[1], 0);
    const out = {};
    for (const p of ps) {
        if (total === 0) { out[p] = null; continue; }
        const rank = Math.ceil((p / 100) * total);
        let seen = 0;
        for (const [bucket, count] of entries) {
            seen += count;
            if (seen >= rank) { out[p] = (bucket + 1) / 10; break; } // upper edge of the bucket
        }
    }
    out.max = total ? (entries[entries.length - 1][0] + 1) / 10 : null;
    out.count = total;
    return out;
}

// ------------------------------------------------------------------------------------------------ arguments

function parseArgs(argv) {
    const o = {
        url: 'http://127.0.0.1:5000', mode: 'bare', test: 'throughput', hub: '',
        clients: 500, rate: 100, senders: 5, workers: 4, warmup: 3, duration: 10, drain: 3, hold: 60,
        connectConcurrency: 32, serverPid: 0, clkTck: 100, out: '',
        members: 'nova,sol,kiwi,ruben,leo', password: '', space: 'hoppetonline', spaceId: 0, channel: 'allmant',
    };
    for (let i = 0; i < argv.length; i++) {
        const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
        if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
        const value = argv[++i];
        o[key] = typeof o[key] === 'number' ? Number(value) : value;
    }
    if (!o.hub) o.hub = o.mode === 'chat' ? '/hubs/motesplats' : '/hubs/bench-bare';
    return o;
}

// ------------------------------------------------------------------------------------------------ server figures

function procStat(pid) {
    if (!pid) return null;
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) || [0, 0])[1]);
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return { ticks: Number(fields[11]) + Number(fields[12]), rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, at: nowMs() };
    } catch {
        return null;
    }
}

// ------------------------------------------------------------------------------------------------ sign-in

/** Signs in through the real form (/konto/logga-in): GET for the antiforgery token and cookie, then POST. */
async function signIn(base, userName, password) {
    const jar = new Map();
    const keep = (response) => {
        for (const line of response.headers.getSetCookie()) {
            const [pair] = line.split(';');
            const eq = pair.indexOf('=');
            jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
    };
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const page = await fetch(`${base}/konto/logga-in`, { redirect: 'manual' });
    keep(page);
    const html = await page.text();
    const token = (html.match(/name="__RequestVerificationToken"[^>]*value="([^"]+)"/) ||
        html.match(/value="([^"]+)"[^>]*name="__RequestVerificationToken"/) || [])[1];
    if (!token) throw new Error(`no antiforgery token on /konto/logga-in (status ${page.status})`);
    const form = new URLSearchParams({ 'Input.Email': userName, 'Input.Password': password, __RequestVerificationToken: token });
    const response = await fetch(`${base}/konto/logga-in`, {
        method: 'POST', redirect: 'manual', body: form,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader() },
    });
    keep(response);
    if (response.status !== 302 || ![...jar.keys()].some((k) => k === 'samordna.auth')) {
        throw new Error(`sign-in as ${userName} failed: status ${response.status}`);
    }
    return cookieHeader();
}

/** The space's id, for JoinSpace: --space-id, or a data-space-id attribute on the room page. */
async function findSpaceId(base, cookie, o) {
    if (o.spaceId) return o.spaceId;
    const response = await fetch(`${base}/motesplats/${o.space}`, { headers: { Cookie: cookie }, redirect: 'manual' });
    const html = await response.text();
    const match = html.match(/data-space-id="(\d+)"/) || html.match(/data-space="(\d+)"/);
    if (!match) throw new Error(`no data-space-id on /motesplats/${o.space} (status ${response.status}); pass --space-id`);
    return Number(match[1]);
}

// ------------------------------------------------------------------------------------------------ coordinator

async function main() {
    const o = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const before = procStat(o.serverPid);

    let members = ['anonymous'];
    let cookies = { anonymous: '' };
    let spaceId = 0;
    if (o.mode === 'chat') {
        members = o.members.split(',').filter(Boolean);
        cookies = {};
        for (const m of members) cookies[m] = await signIn(o.url, m, o.password);
        spaceId = await findSpaceId(o.url, cookies[members[0]], o);
    }

    const workerCount = Math.max(1, Math.min(o.workers, o.clients));
    const senderCount = o.test === 'idle' ? 1 : Math.max(1, Math.min(o.senders, o.clients));
    // Connection i lives on worker i % W and belongs to member i % members; sender s sends on connection s, so the
    // senders are spread over the workers and, in chat mode, over the members (each member's own rate limit).
    const plan = Array.from({ length: workerCount }, () => ({ connections: [], senders: [] }));
    for (let i = 0; i < o.clients; i++) plan[i % workerCount].connections.push({ index: i, member: members[i % members.length] });
    const perSenderRate = o.rate / senderCount;
    const runSeconds = o.warmup + o.duration;
    const perSenderCapacity = Math.ceil(perSenderRate * runSeconds * 1.2) + 100;
    for (let s = 0; s < senderCount; s++) {
        plan[s % workerCount].senders.push({ id: s, connectionIndex: s, rate: perSenderRate, offsetMs: (1000 * s) / o.rate });
    }

    const workers = plan.map((p, w) => {
        const child = fork(__filename, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.setMaxListeners(50);
        child.send({
            type: 'init', w, url: o.url + o.hub, mode: o.mode, cookies, spaceId, channel: o.channel,
            connections: p.connections, senders: p.senders, senderCount, perSenderCapacity,
            connectConcurrency: o.connectConcurrency,
        });
        return child;
    });
    const ask = (child, msg, replyType) => new Promise((resolve, reject) => {
        const onMessage = (m) => { if (m.type === replyType) { child.off('message', onMessage); resolve(m); } };
        child.on('message', onMessage);
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        if (msg) child.send(msg);
    });
    const stopAll = async () => {
        await Promise.all(workers.map((c) => ask(c, { type: 'stop' }, 'stopped').catch(() => null)));
        for (const c of workers) c.kill();
    };

    const connectStart = nowMs();
    const ready = await Promise.all(workers.map((c) => ask(c, null, 'ready')));
    const connectSeconds = (nowMs() - connectStart) / 1000;
    const connected = ready.reduce((s, r) => s + r.connected, 0);
    const connectErrors = ready.flatMap((r) => r.errors).slice(0, 5);
    const channelIds = [...new Set(ready.map((r) => r.channelId))];

    const result = {
        mode: o.mode, hub: o.hub, test: o.test, clients: o.clients, workers: workerCount,
        connected, connect_failed: o.clients - connected, connect_errors: connectErrors, connect_seconds: round(connectSeconds, 1),
        space_id: spaceId || null, channel_id: channelIds.length === 1 ? channelIds[0] : channelIds,
        server_rss_before_mb: before ? round(before.rssMb, 0) : null,
    };

    if (o.test === 'idle') {
        await idleTest(o, workers, ask, result);
    } else {
        await throughputTest(o, workers, ask, result, senderCount);
    }
    await stopAll();
    result.wall_seconds = round((Date.now() - started) / 1000, 1);
    const json = JSON.stringify(result);
    if (o.out) fs.writeFileSync(o.out, json + '\n');
    process.stdout.write(json + '\n');
}

function round(x, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return null;
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}

async function throughputTest(o, workers, ask, result, senderCount) {
    const tStart = nowMs() + 300;
    const warmupEnd = tStart + o.warmup * 1000;
    const measureEnd = warmupEnd + o.duration * 1000;
    const rssSamples = [];
    let statStart = null, statEnd = null;
    const clientCpuStart = await Promise.all(workers.map((c) => ask(c, { type: 'cpu' }, 'cpu')));
    const ownCpuStart = process.cpuUsage();

    for (const c of workers) c.send({ type: 'start', tStart, warmupEnd, measureEnd });
    await sleep(warmupEnd - nowMs());
    statStart = procStat(o.serverPid);
    const cpuAtWarmupEnd = await Promise.all(workers.map((c) => ask(c, { type: 'cpu' }, 'cpu')));
    const ownCpuWarmupEnd = process.cpuUsage();
    while (nowMs() < measureEnd - 250) {
        await sleep(Math.min(500, measureEnd - 250 - nowMs()));
        const s = procStat(o.serverPid);
        if (s) rssSamples.push(s.rssMb);
    }
    await sleep(Math.max(0, measureEnd - nowMs()));
    statEnd = procStat(o.serverPid);
    const cpuAtMeasureEnd = await Promise.all(workers.map((c) => ask(c, { type: 'cpu' }, 'cpu')));
    const ownCpuMeasureEnd = process.cpuUsage();
    void clientCpuStart; void ownCpuStart;

    await sleep(o.drain * 1000);
    const reports = await Promise.all(workers.map((c) => ask(c, { type: 'report' }, 'report')));

    const sum = (f) => reports.reduce((s, r) => s + f(r), 0);
    const latency = histPercentiles(reports.reduce((h, r) => histMerge(h, r.latency), {}), [50, 90, 99, 99.9]);
    const ack = histPercentiles(reports.reduce((h, r) => histMerge(h, r.ack), {}), [50, 99]);
    const measuredSent = sum((r) => r.measuredAttempted);
    const measuredFailed = sum((r) => r.measuredFailed);
    const selfReceived = sum((r) => r.selfReceived);
    const selfDelivery = selfReceived > 0;
    const receiversPerMessage = result.connected - (selfDelivery ? 0 : 1);
    const expected = measuredSent * receiversPerMessage;
    const received = sum((r) => r.measuredUnique);
    const windowSeconds = (measureEnd - warmupEnd) / 1000;
    const usage = (a, b) => ((b.user - a.user) + (b.system - a.system)) / 1000; // ms
    const clientCpuMs = cpuAtMeasureEnd.reduce((s, r, i) => s + usage(cpuAtWarmupEnd[i].usage, r.usage), 0) +
        usage(ownCpuWarmupEnd, ownCpuMeasureEnd);

    Object.assign(result, {
        rate_offered: o.rate, senders: senderCount, warmup_s: o.warmup, duration_s: o.duration, drain_s: o.drain,
        messages_sent: measuredSent, sends_failed: measuredFailed, send_errors: reports.flatMap((r) => r.sendErrors).slice(0, 5),
        self_delivery: selfDelivery,
        deliveries_expected: expected, deliveries_received: received, lost: expected - received,
        duplicates: sum((r) => r.duplicates), closed_during_run: sum((r) => r.closed),
        delivered_per_s: round(sum((r) => r.receivedInWindow) / windowSeconds, 0),
        messages_per_s: round(measuredSent / windowSeconds, 1),
        p50_ms: latency[50], p90_ms: latency[90], p99_ms: latency[99], p999_ms: latency[99.9], max_ms: latency.max,
        send_ack_p50_ms: ack[50], send_ack_p99_ms: ack[99],
        load_cpu_percent: round((100 * clientCpuMs) / (windowSeconds * 1000), 0),
    });
    if (statStart && statEnd) {
        const seconds = (statEnd.at - statStart.at) / 1000;
        Object.assign(result, {
            server_cpu_percent: round((100 * (statEnd.ticks - statStart.ticks)) / o.clkTck / seconds, 0),
            server_rss_mb: round(statEnd.rssMb, 0),
            server_rss_peak_window_mb: round(Math.max(statEnd.rssMb, ...rssSamples), 0),
            server_hwm_mb: round(statEnd.hwmMb, 0),
        });
    }
}

async function idleTest(o, workers, ask, result) {
    const afterConnect = procStat(o.serverPid);
    const rssSamples = [];
    const holdEnd = nowMs() + o.hold * 1000;
    while (nowMs() < holdEnd) {
        await sleep(Math.min(1000, holdEnd - nowMs()));
        const s = procStat(o.serverPid);
        if (s) rssSamples.push(s.rssMb);
    }
    const afterHold = procStat(o.serverPid);
    // Are they still there? One message from connection 0, which every connection must receive.
    const checks = await Promise.all(workers.map((c) => ask(c, { type: 'check', timeoutMs: 10000 }, 'checked')));
    const still = checks.reduce((s, r) => s + r.open, 0);
    const got = checks.reduce((s, r) => s + r.received, 0);
    Object.assign(result, {
        hold_s: o.hold,
        still_connected: still, closed_during_hold: checks.reduce((s, r) => s + r.closed, 0),
        check_message_received_by: got,
        check_send_error: checks.map((r) => r.sendError).find(Boolean) || null,
    });
    if (afterConnect && afterHold) {
        Object.assign(result, {
            server_rss_after_connect_mb: round(afterConnect.rssMb, 0),
            server_rss_after_hold_mb: round(afterHold.rssMb, 0),
            server_rss_peak_hold_mb: round(Math.max(afterHold.rssMb, ...rssSamples), 0),
            server_hwm_mb: round(afterHold.hwmMb, 0),
        });
    }
}

// ------------------------------------------------------------------------------------------------ worker

function worker() {
    const signalR = require('@microsoft/signalr');
    let cfg = null;
    const conns = []; // { index, connection, open, bitmap }
    const stats = {
        measuredUnique: 0, duplicates: 0, receivedInWindow: 0, selfReceived: 0, closed: 0,
        measuredAttempted: 0, measuredFailed: 0, sendErrors: [], latency: {}, ack: {},
    };
    let window = null; // { tStart, warmupEnd, measureEnd }
    let stopping = false;
    let channelId = null;
    let checkId = null, checkReceived = 0;

    const send = (m) => process.send(m);

    function onMessage(conn, payload) {
        const received = nowMs();
        const text = payload && payload.text;
        if (typeof text !== 'string' || !text.startsWith(TAG)) return;
        const parts = text.split('|'); // bench|sender|seq|sentAtMs
        if (parts[1] === 'check') {
            if (parts[2] === checkId && !conn.checked) { conn.checked = true; checkReceived++; }
            return;
        }
        const sender = Number(parts[1]), seq = Number(parts[2]), sentAt = Number(parts[3]);
        if (window && received >= window.warmupEnd && received < window.measureEnd) stats.receivedInWindow++;
        if (conn.senderId === sender) stats.selfReceived++;
        if (!window || sentAt < window.warmupEnd || sentAt >= window.measureEnd) return;
        const slot = sender * cfg.perSenderCapacity + seq;
        if (seq >= cfg.perSenderCapacity || slot >= conn.bitmap.length) return;
        if (conn.bitmap[slot]) { stats.duplicates++; return; }
        conn.bitmap[slot] = 1;
        stats.measuredUnique++;
        histAdd(stats.latency, received - sentAt);
    }

    async function connectOne(spec) {
        const headers = {};
        const cookie = cfg.cookies[spec.member];
        if (cookie) headers.Cookie = cookie;
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(cfg.url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, headers })
            .configureLogging(signalR.LogLevel.None)
            .build();
        const conn = { index: spec.index, connection, open: false, checked: false, senderId: -1, bitmap: null };
        connection.on('message', (m) => onMessage(conn, m));
        connection.onclose(() => { if (conn.open && !stopping) stats.closed++; conn.open = false; });
        await connection.start();
        conn.open = true;
        if (cfg.mode === 'chat') {
            const snapshot = await connection.invoke('JoinSpace', cfg.spaceId);
            const channel = (snapshot.channels || []).find((c) => c.slug === cfg.channel);
            if (!channel) throw new Error(`channel ${cfg.channel} not in the JoinSpace snapshot`);
            channelId = channel.id;
        }
        conn.bitmap = new Uint8Array(cfg.senderCount * cfg.perSenderCapacity);
        return conn;
    }

    async function connectAll() {
        const errors = [];
        let next = 0;
        const specs = cfg.connections;
        const lanes = Array.from({ length: Math.min(cfg.connectConcurrency, specs.length) }, async () => {
            while (next < specs.length) {
                const spec = specs[next++];
                try {
                    conns.push(await connectOne(spec));
                } catch (e) {
                    if (errors.length < 5) errors.push(String(e && e.message || e));
                }
            }
        });
        await Promise.all(lanes);
        conns.sort((a, b) => a.index - b.index);
        for (const s of cfg.senders) {
            const c = conns.find((x) => x.index === s.connectionIndex);
            if (c) c.senderId = s.id;
        }
        send({ type: 'ready', connected: conns.length, errors, channelId });
    }

    function invokeSend(conn, text) {
        return cfg.mode === 'chat'
            ? conn.connection.invoke('Send', channelId, crypto.randomUUID(), text)
            : conn.connection.invoke('Send', text);
    }

    function startSender(s) {
        const conn = conns.find((x) => x.index === s.connectionIndex);
        if (!conn) return;
        let seq = 0;
        const intervalMs = 1000 / s.rate;
        const tick = () => {
            if (stopping) return;
            const now = nowMs();
            while (!stopping && window.tStart + s.offsetMs + seq * intervalMs <= now && seq < cfg.perSenderCapacity) {
                const sentAt = nowMs();
                const measured = sentAt >= window.warmupEnd && sentAt < window.measureEnd;
                if (sentAt >= window.measureEnd) return;
                const text = `${TAG}|${s.id}|${seq}|${sentAt.toFixed(3)}`;
                seq++;
                if (measured) stats.measuredAttempted++;
                invokeSend(conn, text).then(
                    () => { if (measured) histAdd(stats.ack, nowMs() - sentAt); },
                    (e) => {
                        if (measured) stats.measuredFailed++;
                        if (stats.sendErrors.length < 5) stats.sendErrors.push(String(e && e.message || e));
                    });
            }
            const due = window.tStart + s.offsetMs + seq * intervalMs;
            if (due < window.measureEnd) setTimeout(tick, Math.max(0, due - nowMs()));
        };
        setTimeout(tick, Math.max(0, window.tStart + s.offsetMs - nowMs()));
    }

    async function check(timeoutMs) {
        const open = conns.filter((c) => c.open).length;
        let sendError = null;
        // Worker 0's first connection sends; every worker knows the check message by its fixed id.
        checkId = 'check-message';
        if (cfg.w === 0 && conns.length) {
            await sleep(500);
            try { await invokeSend(conns[0], `${TAG}|check|${checkId}|0`); } catch (e) { sendError = String(e && e.message || e); }
        }
        const until = nowMs() + timeoutMs;
        while (checkReceived < open && nowMs() < until) await sleep(100);
        send({ type: 'checked', open, received: checkReceived, closed: stats.closed, sendError });
    }

    process.on('message', (m) => {
        switch (m.type) {
            case 'init':
                cfg = m;
                connectAll().catch((e) => { console.error(e); process.exit(1); });
                break;
            case 'start':
                window = m;
                for (const s of cfg.senders) startSender(s);
                break;
            case 'cpu':
                send({ type: 'cpu', usage: process.cpuUsage() });
                break;
            case 'check':
                check(m.timeoutMs);
                break;
            case 'report':
                send({ type: 'report', ...stats, sendErrors: stats.sendErrors });
                break;
            case 'stop':
                stopping = true;
                Promise.allSettled(conns.map((c) => c.connection.stop())).then(() => send({ type: 'stopped' }));
                break;
            default:
                break;
        }
    });
    process.on('disconnect', () => process.exit(0));
}

if (process.argv[2] === '--worker') {
    worker();
} else {
    main().catch((e) => {
        console.error(`load.js: ${e && e.stack || e}`);
        process.exit(1);
    });
}
