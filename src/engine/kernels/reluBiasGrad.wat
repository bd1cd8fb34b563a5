;; reluBiasGrad: the gradient through a convolution's ReLU and its bias in one pass
;; (../wasmReluBiasGrad.ts calls it on tfjs's tensors where they are):
;;
;;   g[p][c] = dy[p][c] where y[p][c] > 0, else 0        db[c] = Σ_p g[p][c]
;;
;; over the $pixels positions (N·H·W) of channels-last tensors with 4·$cgroups channels,
;; four channels per v128. y is the ReLU's output (y > 0 exactly where its input is).
;; db is summed per image first and then over the images, so no sum runs over more than
;; one image's positions in a row ($perImage of them).
(module
  ;; The memory is given: tfjs's heap.
  (import "env" "memory" (memory 1))
  (func (export "reluBiasGrad")
    (param $dy i32) (param $y i32) (param $g i32) (param $db i32) (param $part i32)
    (param $images i32) (param $perImage i32) (param $cgroups i32)
    (local $n i32) (local $p i32) (local $cg i32) (local $at i32) (local $v v128)
    ;; db = 0
    (local.set $cg (i32.const 0))
    (loop $zeroDb
      (v128.store (i32.add (local.get $db) (i32.shl (local.get $cg) (i32.const 4)))
        (v128.const i32x4 0 0 0 0))
      (br_if $zeroDb (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
    (local.set $n (i32.const 0))
    (loop $imagesLoop
      ;; part = 0: this image's sums
      (local.set $cg (i32.const 0))
      (loop $zeroPart
        (v128.store (i32.add (local.get $part) (i32.shl (local.get $cg) (i32.const 4)))
          (v128.const i32x4 0 0 0 0))
        (br_if $zeroPart (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
      (local.set $p (i32.const 0))
      (loop $pixelsLoop
        (local.set $at (local.get $part))
        (local.set $cg (local.get $cgroups))
        (loop $groups
          ;; dy where y > 0: the compare's all-ones lanes keep dy's bits, the rest are +0
          (local.set $v (v128.and (v128.load (local.get $dy))
                                  (f32x4.gt (v128.load (local.get $y)) (v128.const f32x4 0 0 0 0))))
          (v128.store (local.get $g) (local.get $v))
          (v128.store (local.get $at) (f32x4.add (v128.load (local.get $at)) (local.get $v)))
          (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
          (local.set $y (i32.add (local.get $y) (i32.const 16)))
          (local.set $g (i32.add (local.get $g) (i32.const 16)))
          (local.set $at (i32.add (local.get $at) (i32.const 16)))
          (br_if $groups (local.tee $cg (i32.sub (local.get $cg) (i32.const 1)))))
        (br_if $pixelsLoop (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $perImage))))
      ;; db += part
      (local.set $cg (i32.const 0))
      (loop $addPart
        (local.set $at (i32.shl (local.get $cg) (i32.const 4)))
        (v128.store (i32.add (local.get $db) (local.get $at))
          (f32x4.add (v128.load (i32.add (local.get $db) (local.get $at)))
                     (v128.load (i32.add (local.get $part) (local.get $at)))))
        (br_if $addPart (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
      (br_if $imagesLoop (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (local.get $images))))))
