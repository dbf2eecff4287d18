# translated_from: 2218861aa6e6
"""课堂：老师教学生读书；账本记下各自的开销。"""

from explainers import Beside, Student, Teacher, board, charts

teacher = Teacher(
    chip="training",
    fmt="fp32",
    hidden=16,
    batch_size=32,
    optimizer="momentum",
    precision="mixed",
    seed=1,
)
teacher.teach(
    lessons=500,
    noise=0.05,
    epochs=8,
)
student = Student(teacher)
report = student.read(pages=200)

taught = teacher.history[-1]
print(f"教了{taught['epoch']}轮：课堂上答对{taught['accuracy']:.1%}")
print(f"学生读了{report.pages}页新书：准确率{report.accuracy:.1%}")
teach, read = teacher.cost()["energy_pj"], report.cost(teacher.chip)["energy_pj"]
print(f"能耗（chip='{teacher.chip}'）：教完全部课{teach / 1e6:,.1f}µJ，"
      f"读一页{read / 1e6:,.4f}µJ；教完全部课相当于读{teach / read:,.0f}页")
held, reads = teacher.memory.total(), report.memory.total()
print(f"内存：教一批占用{held:,}字节，读一页占用{reads:,}字节："
      f"相差{held / reads:.1f}倍")
if teacher.scaler:  # FP16配FP32主权重副本：缩放后的梯度必须保持在65,504以下
    steps = sum(epoch["steps"] for epoch in teacher.history)
    print(f"损失缩放：{teacher.scaler.skipped}步被跳过（共{steps}步；缩放后的梯度"
          f"超过了65,504）；现在的缩放系数为{teacher.scaler.scale:,.0f}")

board.show(charts.learning(teacher.history))
board.show(charts.teach_vs_read(teacher, report))
board.show(charts.energy(teacher.cost()))
board.show(teacher.ledger, "教完全部课")
board.show(report.per_page, "读一页")
board.show(Beside(teacher=teacher.memory, student=report.memory), "峰值时占用的内存")
